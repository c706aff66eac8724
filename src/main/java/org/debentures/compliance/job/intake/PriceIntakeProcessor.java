package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.intake.IntakeItem;

import org.debentures.compliance.intake.Checked;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.PriceRowRule;
import org.debentures.compliance.rules.market.PriceFeed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks one price-feed record with {@link PriceRowRule}; a bad row becomes a reject, never a skip. */
public class PriceIntakeProcessor implements ItemProcessor<CsvRecord, IntakeItem> {

    private final PriceFeed feed;
    private final PriceRowRule rule;
    private final IntakeWindow window;

    public PriceIntakeProcessor(PriceFeed feed, IntakeWindow window) {
        this.feed = feed;
        this.rule = new PriceRowRule(feed);
        this.window = window;
    }

    @Override
    public IntakeItem process(CsvRecord record) {
        if (record.hasProblem()) {
            return new IntakeItem.Reject(record.ref(), feed.name(), record.rawLine(), record.problem());
        }
        Checked<PriceRow> checked = rule.check(record.fields());
        String reason = checked.isAccepted() ? window.check(checked.value()).orElse(null) : checked.reason();
        return reason == null
                ? new IntakeItem.StagedPrice(record.ref(), CsvFilesReader.truncate(record.rawLine()), checked.value())
                : new IntakeItem.Reject(record.ref(), feed.name(), record.rawLine(), reason);
    }
}
