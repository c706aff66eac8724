package org.debentures.compliance.batch.internal;

import org.debentures.compliance.intake.Checked;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.PriceRowRule;
import org.debentures.compliance.market.PriceFeed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks one price-feed record with {@link PriceRowRule}; a bad row becomes a reject, never a skip. */
public final class PriceIntakeProcessor implements ItemProcessor<CsvRecord, IntakeItem> {

    private final PriceFeed feed;
    private final PriceRowRule rule;

    public PriceIntakeProcessor(PriceFeed feed) {
        this.feed = feed;
        this.rule = new PriceRowRule(feed);
    }

    @Override
    public IntakeItem process(CsvRecord record) {
        if (record.hasProblem()) {
            return new IntakeItem.Reject(record.ref(), feed.name(), record.rawLine(), record.problem());
        }
        Checked<PriceRow> checked = rule.check(record.fields());
        return checked.isAccepted()
                ? new IntakeItem.StagedPrice(record.ref(), CsvFilesReader.truncate(record.rawLine()), checked.value())
                : new IntakeItem.Reject(record.ref(), feed.name(), record.rawLine(), checked.reason());
    }
}
