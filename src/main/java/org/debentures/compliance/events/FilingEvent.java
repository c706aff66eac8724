package org.debentures.compliance.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted row of the filings and events log (SPEC §2). Optional fields are {@code null}
 * when empty.
 */
public record FilingEvent(LocalDate date, EventType type, String subject, BigDecimal amount, Long shares,
                          BigDecimal ratio, BigDecimal price, String document, String note) {

    public FilingEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    /** A short description for messages: {@code 2003-10-08 ALLOWED_DELAY_START RRA-2002}. */
    public String describe() {
        return date + " " + type + " " + subject;
    }
}
