package org.debentures.compliance.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted row of the filings and events log (SPEC §2). Optional fields are {@code null}
 * when empty.
 *
 * @param clause SPEC §12 (v2): the clause a row names ({@code 6(d)(ix)} for a {@code WAIVER},
 *               {@code 4(h)(v)} for an exempt {@code ISSUANCE}); {@code null} when empty
 * @param periodEnd SPEC §12 (v2): the last day of the period a row is about (a waiver's Target
 *                  Periods ending on or before it, §13); {@code null} when empty
 * @param effectiveDate SPEC §12 (v2): the date a row names besides its own (a notice's Mandatory
 *                      Redemption Date, §14; a distribution's effective date, §15; a Mandatory
 *                      Conversion Date, §16); {@code null} when empty
 */
public record FilingEvent(LocalDate date, EventType type, String subject, BigDecimal amount, Long shares,
                          BigDecimal ratio, BigDecimal price, String document, String note,
                          String clause, LocalDate periodEnd, LocalDate effectiveDate) {

    public FilingEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    /** A row of a log without the v2 columns (SPEC §2 version 1): no clause, period end or effective date. */
    public FilingEvent(LocalDate date, EventType type, String subject, BigDecimal amount, Long shares,
                       BigDecimal ratio, BigDecimal price, String document, String note) {
        this(date, type, subject, amount, shares, ratio, price, document, note, null, null, null);
    }

    /** A short description for messages: {@code 2003-10-08 ALLOWED_DELAY_START RRA-2002}. */
    public String describe() {
        return date + " " + type + " " + subject;
    }
}
