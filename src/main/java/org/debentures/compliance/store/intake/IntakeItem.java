package org.debentures.compliance.store.intake;

import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;

/** What the intake processors hand the writer: a row for staging, or a reject (typed rows of the staging tables). */
public sealed interface IntakeItem {

    /** The feed name of the filings log in {@code input_reject.feed} (the price feeds use {@code PriceFeed}). */
    String FILINGS_FEED = "FILINGS";

    /** Longest raw line kept, in characters: the width of the {@code raw_line} columns. */
    int MAX_RAW_LINE_CHARS = 4000;

    /** A raw line as stored: at most {@link #MAX_RAW_LINE_CHARS}, a longer one cut with a note of its length. */
    static String truncate(String text) {
        return text.length() <= MAX_RAW_LINE_CHARS ? text
                : text.substring(0, MAX_RAW_LINE_CHARS - 40) + "... [truncated, " + text.length() + " characters]";
    }

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
