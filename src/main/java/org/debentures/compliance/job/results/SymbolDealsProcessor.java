package org.debentures.compliance.job.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.debentures.compliance.rules.RuleBook;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.debentures.compliance.store.intake.IntakeFacts;

/**
 * The deals on one symbol, as known on the run's last day: reads the symbol's facts once
 * ({@link SymbolFactsLoader}) and runs the business steps of {@link RuleBook} on them. No rule lives
 * here; no two symbols share facts or output rows, so symbols are computed on different workers
 * independently.
 */
public class SymbolDealsProcessor implements ItemProcessor<String, SymbolResults> {

    private final SymbolFactsLoader loader;
    private final RuleBook rules = RuleBook.standard();
    private final AtomicLong loadNanos = new AtomicLong();
    private final Map<String, AtomicLong> stepNanos = new ConcurrentHashMap<>();

    /** @param horizonDays how far after {@code to} upcoming deadlines are listed */
    public SymbolDealsProcessor(IntakeFacts intake, DealBook deals, LocalDate from, LocalDate to, int horizonDays) {
        this.loader = new SymbolFactsLoader(intake, deals, from, to, horizonDays);
    }

    /**
     * Time spent so far reading symbols' facts (their prices among them) and working out their Market
     * Prices, summed over the workers.
     */
    public long marketNanos() {
        return loadNanos.get() + stepNanos.getOrDefault("market prices", new AtomicLong()).get();
    }

    /** Time each business step has taken so far, summed over symbols and workers, in milliseconds. */
    public String stepMillis() {
        StringBuilder text = new StringBuilder("reading facts " + loadNanos.get() / 1_000_000 + " ms");
        for (var step : rules.steps()) {
            AtomicLong nanos = stepNanos.get(step.name());
            text.append(", ").append(step.name()).append(' ').append(nanos == null ? 0 : nanos.get() / 1_000_000).append(" ms");
        }
        return text.toString();
    }

    /** The results of a group of symbols, in its order. */
    public List<SymbolResults> processGroup(List<String> symbols) {
        List<SymbolResults> results = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            results.add(process(symbol));
        }
        return results;
    }

    @Override
    public SymbolResults process(String symbol) {
        long started = System.nanoTime();
        SymbolFacts facts = loader.load(symbol);
        loadNanos.addAndGet(System.nanoTime() - started);
        SymbolResults results = rules.run(facts);
        results.stepNanos().forEach((name, nanos) ->
                stepNanos.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(nanos));
        return results;
    }
}
