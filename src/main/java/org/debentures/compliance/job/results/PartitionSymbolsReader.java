package org.debentures.compliance.job.results;

import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The symbols of one partition of the results step, one item each. Restartable: the count of
 * symbols read is saved with each committed chunk, so a partition restarted after a failure goes on
 * after the last symbol whose rows were committed (those rows stay: they are this generation's).
 */
public class PartitionSymbolsReader extends AbstractItemCountingItemStreamItemReader<String> {

    private final List<String> symbols;
    private int next;

    public PartitionSymbolsReader(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
        setName("partitionSymbols");
        setMaxItemCount(this.symbols.size());
    }

    @Override
    protected String doRead() {
        return next < symbols.size() ? symbols.get(next++) : null;
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
