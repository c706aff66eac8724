package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.intake.IntakeItem;

import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Checked;
import org.debentures.compliance.intake.FilingRowRule;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.KnownSubjects;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks one filings-log record with {@link FilingRowRule}; a bad row becomes a reject, never a skip. */
public class FilingIntakeProcessor implements ItemProcessor<CsvRecord, IntakeItem> {

    public static final String FEED = IntakeItem.FILINGS_FEED;

    private final FilingRowRule rule;
    private final IntakeWindow window;

    public FilingIntakeProcessor(KnownSubjects subjects, IntakeWindow window) {
        this.rule = new FilingRowRule(subjects);
        this.window = window;
    }

    @Override
    public IntakeItem process(CsvRecord record) {
        if (record.hasProblem()) {
            return new IntakeItem.Reject(record.ref(), FEED, record.rawLine(), record.problem());
        }
        Checked<FilingEvent> checked = rule.check(record.fields());
        String reason = checked.isAccepted() ? window.check(checked.value()).orElse(null) : checked.reason();
        return reason == null
                ? new IntakeItem.StagedFiling(record.ref(), CsvFilesReader.truncate(record.rawLine()), checked.value())
                : new IntakeItem.Reject(record.ref(), FEED, record.rawLine(), reason);
    }
}
