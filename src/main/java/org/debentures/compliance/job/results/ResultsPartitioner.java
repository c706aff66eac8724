package org.debentures.compliance.job.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the results step by symbol: a symbol with the deals on it is the unit of work (its facts are
 * read once and no two symbols share an input or an output row), so partitions never touch each
 * other's rows. Symbols go to partitions largest first (by instrument count, the measure of a
 * symbol's work: each instrument has its own interest ledger, conversion and redemption prices),
 * each to the partition with the fewest instruments so far (ties: the lower number); a partition's
 * symbols are then in alphabetical order.
 *
 * <p>Partition names carry the run generation ({@code g7-p01}): a restart of the same generation
 * finds its partitions by name and runs only those that did not complete, while a generation that
 * was abandoned meanwhile (another run began, see {@code ResultGenerations#begin}) gets new names,
 * so every partition runs again.
 */
public class ResultsPartitioner implements Partitioner {

    /** Partition context key: the partition's symbols, one per line. */
    public static final String SYMBOLS = "results.symbols";
    /** Partition context key: the run generation the partition writes under. */
    public static final String GENERATION = "results.generation";

    private final DealBook deals;
    private final long generation;

    public ResultsPartitioner(DealBook deals, long generation) {
        this.deals = deals;
        this.generation = generation;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<List<String>> parts = split(deals, Math.max(1, gridSize));
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(SYMBOLS, String.join("\n", parts.get(i)));
            context.putLong(GENERATION, generation);
            contexts.put("g%d-p%02d".formatted(generation, i), context);
        }
        return contexts;
    }

    /** The symbols of each partition, at most {@code gridSize} non-empty partitions, balanced by instrument count. */
    static List<List<String>> split(DealBook deals, int gridSize) {
        List<String> symbols = new ArrayList<>(deals.symbols());
        symbols.sort(Comparator.comparingInt((String s) -> -instruments(deals, s)).thenComparing(Comparator.naturalOrder()));
        int count = Math.min(gridSize, symbols.size());
        List<List<String>> parts = new ArrayList<>();
        int[] load = new int[count];
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (String symbol : symbols) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            parts.get(least).add(symbol);
            load[least] += instruments(deals, symbol);
        }
        parts.forEach(part -> part.sort(Comparator.naturalOrder()));
        return parts;
    }

    /** A symbol's weight: the instruments of the deals on it (at least 1: its Market Prices are work too). */
    static int instruments(DealBook deals, String symbol) {
        return Math.max(1, deals.dealsOnSymbol(symbol).stream().mapToInt(d -> d.instruments().size()).sum());
    }

    /** For a partition's context: its symbols. */
    public static List<String> symbols(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
