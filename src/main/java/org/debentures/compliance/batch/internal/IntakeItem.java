package org.debentures.compliance.batch.internal;

import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;

/** What the intake processors hand the writer: a row for staging, or a reject. */
public sealed interface IntakeItem {

    RowRef ref();

    String rawLine();

    /** A well-formed price row. */
    record StagedPrice(RowRef ref, String rawLine, PriceRow row) implements IntakeItem {
    }

    /** A well-formed filings-log row. */
    record StagedFiling(RowRef ref, String rawLine, FilingEvent event) implements IntakeItem {
    }

    /** A rejected row (SPEC §2): file, line, raw text and reason, kept in {@code input_reject}. */
    record Reject(RowRef ref, String feed, String rawLine, String reason) implements IntakeItem {
    }
}
