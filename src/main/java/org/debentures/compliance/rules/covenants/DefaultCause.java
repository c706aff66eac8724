package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cause of an Event of Default that binds instruments (SPEC §12, §13): one Target Period, one
 * capex year, one certificate, one listing or announcement event, one named instrument's run. Its
 * days are {@code [first, last]} ({@code last} null: continuing through the run's last day); the
 * instruments it binds have it only on days that end with principal of them outstanding.
 *
 * @param clause the Debenture 6(d) clause, e.g. {@code 6(d)(ix)}
 * @param message what a reader of the exception is told about it
 * @param periodEnd a 6(d)(ix) cause's Target Period end (a waiver's {@code period_end} is compared with it); else null
 * @param began when the cause began, if not {@code first} (a 6(d)(vii) cause: the named instrument's run's start)
 */
public record DefaultCause(String clause, LocalDate first, LocalDate last, String message, LocalDate periodEnd,
                           LocalDate began) {

    public DefaultCause(String clause, LocalDate first, LocalDate last, String message) {
        this(clause, first, last, message, null, null);
    }

    public DefaultCause(String clause, LocalDate first, LocalDate last, String message, LocalDate periodEnd) {
        this(clause, first, last, message, periodEnd, null);
    }

    public DefaultCause {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the cause holds on {@code day}. */
    public boolean on(LocalDate day) {
        return !day.isBefore(first) && (last == null || !day.isAfter(last));
    }
}
