package org.debentures.compliance.job.intake;

import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.store.intake.InputRejectTable;
import org.debentures.compliance.store.intake.IntakeItem;
import org.debentures.compliance.store.intake.StagedFilingTable;
import org.debentures.compliance.store.intake.StagedPriceTable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes staged rows and rejects of one chunk, in the chunk's transaction: price rows to
 * {@code staged_price}, filings-log rows to {@code staged_filing}, rejects to {@code input_reject}.
 * As a reader's {@link CsvFilesReader.RowsPastCheckpoint}, forgets what was written from a restarted
 * reader's position on, in the same three tables.
 */
public final class IntakeWriter implements ItemWriter<IntakeItem>, CsvFilesReader.RowsPastCheckpoint {

    private final StagedPriceTable prices;
    private final StagedFilingTable filings;
    private final InputRejectTable rejects;

    public IntakeWriter(StagedPriceTable prices, StagedFilingTable filings, InputRejectTable rejects) {
        this.prices = prices;
        this.filings = filings;
        this.rejects = rejects;
    }

    @Override
    public void write(Chunk<? extends IntakeItem> chunk) {
        List<IntakeItem.StagedPrice> stagedPrices = new ArrayList<>();
        List<IntakeItem.StagedFiling> stagedFilings = new ArrayList<>();
        List<IntakeItem.Reject> rejected = new ArrayList<>();
        for (IntakeItem item : chunk.getItems()) {
            if (item instanceof IntakeItem.StagedPrice p) {
                stagedPrices.add(p);
            } else if (item instanceof IntakeItem.StagedFiling f) {
                stagedFilings.add(f);
            } else if (item instanceof IntakeItem.Reject r) {
                rejected.add(r);
            }
        }
        prices.write(stagedPrices);
        filings.write(stagedFilings);
        rejects.write(rejected);
    }

    @Override
    public void discard(List<String> fileNames, long fromLine) {
        prices.discard(fileNames, fromLine);
        filings.discard(fileNames, fromLine);
        rejects.discard(fileNames, fromLine);
    }
}
