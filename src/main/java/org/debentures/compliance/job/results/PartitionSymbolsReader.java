package org.debentures.compliance.job.results;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The symbols of one partition of the results step, a group of them an item (the worker step
 * commits one group a chunk). Restartable: the count of groups read is saved with each committed
 * chunk, so a partition restarted after a failure goes on after the last group whose rows were
 * committed (those rows stay: they are this generation's).
 *
 * <p>A group holds about the same number of rows whatever the range: four symbols for a rerun of
 * years (about 60,000 rows on the benchmark's portfolio), up to fifty for a nightly run of a day, so
 * that a short run sends a few statements a table rather than a few per four symbols.
 */
public class PartitionSymbolsReader extends AbstractItemCountingItemStreamItemReader<List<String>> {

    /** Symbols times days a group aims at: four symbols of five years. */
    private static final long SYMBOL_DAYS = 4L * 5 * 365;

    private final List<String> symbols;
    private final int groupSize;
    private int next;

    public PartitionSymbolsReader(List<String> symbols, int groupSize) {
        this.symbols = List.copyOf(symbols);
        this.groupSize = Math.max(1, groupSize);
        setName("partitionSymbols");
        setMaxItemCount((this.symbols.size() + this.groupSize - 1) / this.groupSize);
    }

    /** Symbols a group: {@code configured} when above zero, else by the range's length (4 to 50). */
    public static int groupSize(int configured, LocalDate from, LocalDate to) {
        if (configured > 0) {
            return configured;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to) + 1);
        return (int) Math.max(4, Math.min(50, SYMBOL_DAYS / days));
    }

    public int groupSize() {
        return groupSize;
    }

    @Override
    protected List<String> doRead() {
        int first = next * groupSize;
        if (first >= symbols.size()) {
            return null;
        }
        next++;
        return symbols.subList(first, Math.min(symbols.size(), first + groupSize));
    }

    @Override
    protected void doOpen() {
        next = 0;
    }

    @Override
    protected void doClose() {
        next = 0;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = itemIndex;
    }
}
