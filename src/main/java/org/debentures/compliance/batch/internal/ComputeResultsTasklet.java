package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.debentures.compliance.deadlines.UpcomingDeadlines;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.interest.InterestLedger;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs every rule of the range in one step, and so in one database transaction: the Market Prices
 * (per symbol), registration defaults (per agreement), interest ledgers (per instrument), Mandatory
 * Redemption Prices, Mandatory Conversion (per instrument) and upcoming deadlines. Readers of the
 * reporting database see the range's previous results until the transaction commits, then all the
 * new ones together: never a half-written range. A run killed here rolls back and, started again,
 * runs the step from its beginning.
 *
 * <p>Each rule is a processor (loads committed inputs, calls the domain) and a writer (replaces the
 * range's rows). The processors of a rule run on a pool of worker threads (one per core, so both
 * cores of the machine work), a few items ahead of the writer, which writes in order in the step's
 * transaction; only small summaries (Events of Default, deadline inputs) are kept between rules,
 * never a whole history in memory.
 */
public class ComputeResultsTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeResultsTasklet.class);
    private static final int AHEAD = 8;
    /** Queued rows (and statements) that make the writer send them: bounds the memory they hold. */
    private static final int FLUSH_ROWS = 20_000;
    private static final int FLUSH_ITEMS = 200;
    /** Recent reads of staged prices and events kept for the next items (a deal's instruments share a symbol). */
    private static final int CACHED_READS = 64;

    private final JdbcTemplate jdbc;
    private final IntakeTables intake;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;
    private final int horizonDays;
    private final int threads;

    public ComputeResultsTasklet(JdbcTemplate jdbc, IntakeTables intake, DealBook deals,
                                 LocalDate from, LocalDate to, int horizonDays) {
        this.jdbc = jdbc;
        this.intake = intake.readingThroughACache(CACHED_READS);
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.horizonDays = horizonDays;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getId();
        List<AgreementRef> agreements = new ArrayList<>();
        List<InstrumentRef> instruments = new ArrayList<>();
        deals.deals().forEach(deal -> {
            deal.registrationAgreements().forEach(a -> agreements.add(new AgreementRef(deal.id(), a.id())));
            deal.instruments().forEach(i -> instruments.add(new InstrumentRef(deal.id(), i.id())));
        });
        Map<String, List<Finding>> eventsOfDefault = new ConcurrentHashMap<>();
        Map<String, List<UpcomingDeadlines.AgreementState>> agreementStates = new LinkedHashMap<>();
        Map<String, List<UpcomingDeadlines.InstrumentState>> instrumentStates = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compute");
            t.setDaemon(true);
            return t;
        });
        long written = 0;
        WriteBatch writes = new WriteBatch(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        PenaltyTables penalties = new PenaltyTables(writes);
        try {
            outputs.preloadFindings();
            written += stage(pool, writes, "Market Prices", List.copyOf(deals.symbols()),
                    new SymbolMarketProcessor(intake, deals, from, to)::process,
                    new SymbolMarketWriter(outputs, from, to, runId), out -> { });
            outputs.preloadFindings();
            written += stage(pool, writes, "registration defaults", agreements,
                    new RegistrationDefaultsProcessor(intake, deals, to)::process,
                    new RegistrationDefaultsWriter(penalties, outputs, from, to, runId), out -> {
                        out.eventsOfDefault().forEach((id, findings) ->
                                eventsOfDefault.computeIfAbsent(id, k -> new ArrayList<>()).addAll(findings));
                        agreementStates.computeIfAbsent(out.deal().id(), k -> new ArrayList<>()).add(
                                new UpcomingDeadlines.AgreementState(out.agreement(), out.timeline(), out.defaults()));
                    });
            java.util.function.Function<String, List<Finding>> registrationEvents =
                    id -> List.copyOf(eventsOfDefault.getOrDefault(id, List.of()));
            outputs.preloadFindings();
            written += stage(pool, writes, "interest ledgers and redemption prices", instruments,
                    new InterestLedgerProcessor(intake, deals, from, to, registrationEvents)::process,
                    new InterestLedgerWriter(new InterestTables(writes), penalties, outputs, from, to, runId,
                            registrationEvents),
                    out -> {
                        out.findings().stream().filter(f -> f.code() == org.debentures.compliance.findings.ExceptionCode.EVENT_OF_DEFAULT)
                                .forEach(f -> eventsOfDefault.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f));
                        InterestLedger.Result ledger = out.ledger();
                        instrumentStates.computeIfAbsent(dealOf(out.instrument().id()), k -> new ArrayList<>()).add(
                                new UpcomingDeadlines.InstrumentState(out.instrument(),
                                        new InterestLedger.Result(List.of(), ledger.dues(), ledger.months(), ledger.nextDue()),
                                        out.conversions().deliveries(), null));
                    });
            outputs.preloadFindings();
            written += stage(pool, writes, "mandatory conversion", instruments,
                    new InstrumentConversionProcessor(intake, id -> eventsOfDefault.getOrDefault(id, List.of()), deals, to)::process,
                    new InstrumentConversionWriter(new ConversionTables(writes), outputs, from, to, runId), out -> { });
            DeadlinesWriter deadlines = new DeadlinesWriter(jdbc, to, horizonDays);
            for (DealTerms deal : deals.deals()) {
                deadlines.write(deal, agreementStates.getOrDefault(deal.id(), List.of()),
                        instrumentStates.getOrDefault(deal.id(), List.of()));
            }
            LOG.info("computed upcoming deadlines");
        } finally {
            pool.shutdownNow();
        }
        contribution.incrementWriteCount(written);
        return RepeatStatus.FINISHED;
    }

    private String dealOf(String instrumentId) {
        return deals.dealOfInstrument(instrumentId).id();
    }

    /** Something that computes one item's output. */
    @FunctionalInterface
    private interface Rule<I, O> {
        O process(I item) throws Exception;
    }

    /**
     * Computes the items on the pool, at most {@link #AHEAD} ahead of the writer, and writes their
     * outputs in item order on this (the transaction's) thread: queued in {@code writes}, sent every
     * {@link #FLUSH_ROWS} rows or {@link #FLUSH_ITEMS} items and at the end of the stage.
     */
    private <I, O> int stage(ExecutorService pool, WriteBatch writes, String name, List<I> items, Rule<I, O> rule,
                             ItemWriter<O> writer, Consumer<O> keep) throws Exception {
        long started = System.nanoTime();
        Deque<Future<O>> inFlight = new ArrayDeque<>();
        int next = 0;
        int done = 0;
        long waiting = 0; // this thread waiting for the workers
        long writing = 0; // this thread writing
        while (done < items.size()) {
            while (next < items.size() && inFlight.size() < AHEAD) {
                I item = items.get(next++);
                inFlight.add(pool.submit(() -> rule.process(item)));
            }
            O out;
            long waitStart = System.nanoTime();
            try {
                out = inFlight.poll().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            long writeStart = System.nanoTime();
            waiting += writeStart - waitStart;
            writer.write(Chunk.of(out));
            keep.accept(out);
            done++;
            if (writes.pending() >= FLUSH_ROWS || done % FLUSH_ITEMS == 0 || done == items.size()) {
                writes.flush();
            }
            writing += System.nanoTime() - writeStart;
            if (done == items.size() || done % 100 == 0) {
                LOG.info("computed {}: {} of {}", name, done, items.size());
            }
        }
        LOG.info("stage {} took {} ms (writer: {} ms writing, {} ms waiting for the workers)", name,
                (System.nanoTime() - started) / 1_000_000, writing / 1_000_000, waiting / 1_000_000);
        return done;
    }
}
