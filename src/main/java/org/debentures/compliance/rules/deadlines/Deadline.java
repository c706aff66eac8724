package org.debentures.compliance.rules.deadlines;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated obligation coming up after a run's last day (an {@code upcoming_deadline} row).
 *
 * @param amount the money that falls due, when there is a figure (projected for interest not yet due); else null
 */
public record Deadline(String dealId, String subject, LocalDate dueDate, String obligation, String clause,
                       BigDecimal amount, String detail) {

    public Deadline {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(detail, "detail");
    }
}
