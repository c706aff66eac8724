package org.debentures.compliance.calendar;

import com.opengamma.strata.basics.ReferenceData;
import com.opengamma.strata.basics.date.HolidayCalendar;
import com.opengamma.strata.basics.date.HolidayCalendarIds;
import java.time.LocalDate;
import java.util.Objects;
import org.debentures.compliance.terms.DeadlineConvention;

/**
 * Debenture §1 "Business Day": any day other than a Saturday, a Sunday or a day on which banks
 * are authorized by law to close in New York, New York. The holidays are those of OpenGamma
 * Strata's {@code USNY} calendar (New York banking days), not a hand-typed list.
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessDays {

    private static final BusinessDays NEW_YORK = new BusinessDays(
            HolidayCalendarIds.USNY.resolve(ReferenceData.standard()));

    private final HolidayCalendar calendar;

    private BusinessDays(HolidayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** New York banking days (Strata {@code USNY}). */
    public static BusinessDays newYork() {
        return NEW_YORK;
    }

    public boolean isBusinessDay(LocalDate date) {
        return calendar.isBusinessDay(date);
    }

    /** The date itself when it is a Business Day, else the next Business Day. */
    public LocalDate nextOrSame(LocalDate date) {
        return calendar.nextOrSame(date);
    }

    /**
     * The {@code n}-th Business Day after {@code date} ({@code n >= 1}); {@code date} itself is
     * not counted. E.g. the 3rd Business Day after a Friday conversion is the next Wednesday.
     */
    public LocalDate businessDaysAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        return calendar.shift(date, n);
    }

    /**
     * The {@code n}-th Business Day before {@code date} ({@code n >= 1}); {@code date} itself is not counted. E.g. the
     * 10th Business Day before Tue 2005-03-15 is Tue 2005-03-01 (Debenture 4(d)).
     */
    public LocalDate businessDaysBefore(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        return calendar.shift(date, -n);
    }

    /**
     * The {@code n}-th Business Day on or after {@code date} ({@code n >= 1}): {@code date}
     * counts as the first when it is a Business Day.
     */
    public LocalDate nthBusinessDayOnOrAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        LocalDate first = calendar.nextOrSame(date);
        return n == 1 ? first : calendar.shift(first, n - 1);
    }

    /**
     * SPEC §3: a deadline that falls on a non-Business Day moves to the next Business Day under
     * {@link DeadlineConvention#FOLLOWING} (NY General Construction Law §25-a) and stays where it
     * is under {@link DeadlineConvention#NONE}.
     */
    public LocalDate adjustDeadline(LocalDate deadline, DeadlineConvention convention) {
        return switch (convention) {
            case FOLLOWING -> calendar.nextOrSame(deadline);
            case NONE -> deadline;
        };
    }
}
