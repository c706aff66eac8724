package org.debentures.compliance.calendar;

import com.opengamma.strata.basics.ReferenceData;
import com.opengamma.strata.basics.date.HolidayCalendar;
import com.opengamma.strata.basics.date.HolidayCalendarIds;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The days the exchange holds a session (Strata's {@code NYSE} calendar). Used only to find data
 * gaps (SPEC §3: a session day with no VWAP row and no trading halt is {@code PRICE_MISSING});
 * Trading Days themselves come from the VWAP feed ({@link TradingCalendar}).
 *
 * <p>Known limit of the library calendar: it lacks the 2012-10-29 Hurricane Sandy closure.
 */
public final class ExchangeSessions {

    private static final ExchangeSessions NYSE = new ExchangeSessions(
            HolidayCalendarIds.NYSE.resolve(ReferenceData.standard()));

    private final HolidayCalendar calendar;

    private ExchangeSessions(HolidayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public static ExchangeSessions nyse() {
        return NYSE;
    }

    public boolean isSessionDay(LocalDate date) {
        return calendar.isBusinessDay(date);
    }

    /** The date itself when it is a session day, else the next one. */
    public LocalDate nextOrSame(LocalDate date) {
        return calendar.nextOrSame(date);
    }

    /** The next session day strictly after {@code date}. */
    public LocalDate next(LocalDate date) {
        return calendar.next(date);
    }
}
