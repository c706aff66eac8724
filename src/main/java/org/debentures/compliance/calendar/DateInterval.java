package org.debentures.compliance.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A half-open interval of calendar days {@code [start, endExclusive)}: the start day is in, the
 * end day is out (SPEC §6: "start day in, end day out"). {@code endExclusive == null} means still
 * open: the interval runs to the end of whatever range it is asked about.
 */
public record DateInterval(LocalDate start, LocalDate endExclusive) {

    public DateInterval {
        Objects.requireNonNull(start, "start");
        if (endExclusive != null && endExclusive.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " .. " + endExclusive);
        }
    }

    public static DateInterval open(LocalDate start) {
        return new DateInterval(start, null);
    }

    public boolean isOpen() {
        return endExclusive == null;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && (endExclusive == null || date.isBefore(endExclusive));
    }
}
