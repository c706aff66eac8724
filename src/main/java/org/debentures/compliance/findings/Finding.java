package org.debentures.compliance.findings;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One compliance exception (SPEC §10): a maximal run of days on which a condition holds, for one
 * code and subject. {@code endDate == null} means the run reaches the run's last day: status
 * {@code OPEN}; otherwise {@code CLOSED} on its last day.
 *
 * @param clause the contract clause or SPEC rule the condition comes from (e.g. "Debenture §1 Market Price")
 */
public record Finding(ExceptionCode code, String subject, String clause, LocalDate startDate, LocalDate endDate,
                      String message) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(message, "message");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("finding ends before it starts: " + startDate + " .. " + endDate);
        }
    }

    public boolean isOpen() {
        return endDate == null;
    }

    public String status() {
        return isOpen() ? "OPEN" : "CLOSED";
    }

    public Severity severity() {
        return code.severity();
    }

    /** True when the run shares at least one day with {@code [from, to]}. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !startDate.isAfter(to) && (endDate == null || !endDate.isBefore(from));
    }
}
