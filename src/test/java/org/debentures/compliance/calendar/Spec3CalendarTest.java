package org.debentures.compliance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.terms.DeadlineConvention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SPEC §3: Business Days (Debenture §1, USNY), deadline convention (NY GCL §25-a), month arithmetic. */
class Spec3CalendarTest {

    private static final BusinessDays NY = BusinessDays.newYork();

    @ParameterizedTest(name = "{0} + 31 days under {1} = {2}")
    @CsvSource({
            // SPEC §11 example 1: 2002-03-28 + 31 days = Sunday 2002-04-28
            "2002-04-28, FOLLOWING, 2002-04-29",  // moved to Monday
            "2002-04-28, NONE,      2002-04-28",  // literal
            "2002-07-26, FOLLOWING, 2002-07-26",  // Friday: a Business Day, unchanged
            "2003-01-01, FOLLOWING, 2003-01-02",  // New Year's Day
            "2003-10-13, FOLLOWING, 2003-10-14",  // Columbus Day: a New York bank holiday
    })
    void deadlineConvention(LocalDate deadline, DeadlineConvention convention, LocalDate expected) {
        assertEquals(expected, NY.adjustDeadline(deadline, convention));
    }

    @Test
    void filingDeadlineOfSpec11Example1() {
        LocalDate closing = LocalDate.parse("2002-03-28");
        assertEquals(LocalDate.parse("2002-04-28"), closing.plusDays(31));
        assertEquals(LocalDate.parse("2002-04-29"), NY.adjustDeadline(closing.plusDays(31), DeadlineConvention.FOLLOWING));
    }

    @Test
    void newYorkBankHolidaysAreNotBusinessDays() {
        assertFalse(NY.isBusinessDay(LocalDate.parse("2003-10-13"))); // Columbus Day
        assertFalse(NY.isBusinessDay(LocalDate.parse("2003-11-11"))); // Veterans Day
        assertFalse(NY.isBusinessDay(LocalDate.parse("2004-09-06"))); // Labor Day
        assertFalse(NY.isBusinessDay(LocalDate.parse("2002-04-28"))); // Sunday
        assertTrue(NY.isBusinessDay(LocalDate.parse("2003-10-14")));
    }

    @Test
    void nthBusinessDays() {
        // SPEC §11 example 5: from Wednesday 2003-10-08 the fifth Business Day on or after it is 10-15
        // (10-08, 10-09, 10-10, 10-14 - Monday 10-13 is Columbus Day - 10-15)
        assertEquals(LocalDate.parse("2003-10-15"), NY.nthBusinessDayOnOrAfter(LocalDate.parse("2003-10-08"), 5));
        // Debenture 3(d): the 3rd Business Day after a conversion on Monday 2005-01-10 is Thursday 2005-01-13
        assertEquals(LocalDate.parse("2005-01-13"), NY.businessDaysAfter(LocalDate.parse("2005-01-10"), 3));
        // the 5th Business Day after 2003-01-31 (SPEC §11 example 3) is 2003-02-07
        assertEquals(LocalDate.parse("2003-02-07"), NY.businessDaysAfter(LocalDate.parse("2003-01-31"), 5));
    }

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
            "2002-03-28, 17, 2003-08-28",  // SPEC §5: the 17-month anniversary of this deal
            "2002-03-28, 18, 2003-09-28",
            "2002-03-31, 17, 2003-08-31",
            "2002-03-31, 18, 2003-09-30",  // clamped to the month's end
            "2003-01-31,  1, 2003-02-28",
            "2004-01-31,  1, 2004-02-29",  // leap year
    })
    void monthArithmeticKeepsTheDayClampedToMonthEnd(LocalDate start, int months, LocalDate expected) {
        // SPEC §3: "N months after D" keeps the day of month, clamped to the month's end: the JDK's plusMonths
        assertEquals(expected, start.plusMonths(months));
    }

    @Test
    void nyseSessionsAndTradingCalendar() {
        ExchangeSessions nyse = ExchangeSessions.nyse();
        assertFalse(nyse.isSessionDay(LocalDate.parse("2004-06-11"))); // national day of mourning (Reagan)
        assertTrue(nyse.isSessionDay(LocalDate.parse("2003-10-13"))); // Columbus Day: exchange open, banks closed
        TradingCalendar trading = TradingCalendar.of(List.of(LocalDate.parse("2004-09-03"),
                LocalDate.parse("2004-09-01"), LocalDate.parse("2004-09-07"), LocalDate.parse("2004-09-02")));
        assertEquals(List.of(LocalDate.parse("2004-09-02"), LocalDate.parse("2004-09-03")),
                trading.precedingTradingDays(LocalDate.parse("2004-09-07"), 2));
        assertEquals(List.of(LocalDate.parse("2004-09-01")), trading.precedingTradingDays(LocalDate.parse("2004-09-02"), 5));
        assertEquals(3, trading.tradingDaysBetween(LocalDate.parse("2004-09-02"), LocalDate.parse("2004-09-30")).size());
    }
}
