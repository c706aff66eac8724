package org.debentures.compliance.run;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The days a run covers, {@code [from, to]}, and whether it is the nightly run or a rerun.
 * The run is "as of {@code to}" (SPEC §10): rows dated after it are validated but not used.
 */
public record RunRange(LocalDate from, LocalDate to, Kind kind) {

    public enum Kind { NIGHTLY, RERUN }

    public RunRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
    }

    /**
     * SPEC §9 and the Fineract close-of-business model: with no dates the run is the nightly
     * run, processing through the day before the business date; it starts the day after the last
     * day already processed (missed nights are caught up in one run), or at the earliest deal
     * start on a first run. With dates it is a rerun: a missing {@code from} is the earliest deal
     * start, a missing {@code to} the day before the business date.
     *
     * @param processedThrough the earliest "processed through" day of the deals, if every deal has one
     */
    public static RunRange resolve(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate businessDate,
                                   LocalDate earliestDealStart, Optional<LocalDate> processedThrough) {
        LocalDate yesterday = businessDate.minusDays(1);
        if (from.isEmpty() && to.isEmpty()) {
            LocalDate start = processedThrough.map(d -> d.plusDays(1)).orElse(earliestDealStart);
            if (start.isAfter(yesterday)) {
                start = yesterday; // already processed: recompute the last day (idempotent)
            }
            return new RunRange(start, yesterday, Kind.NIGHTLY);
        }
        return new RunRange(from.orElse(earliestDealStart), to.orElse(yesterday), Kind.RERUN);
    }
}
