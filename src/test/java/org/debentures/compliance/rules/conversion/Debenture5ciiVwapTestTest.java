package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionTerms;
import org.debentures.compliance.terms.VwapTestReading;
import org.junit.jupiter.api.Test;

/**
 * Debenture §5(c)(ii) (SPEC §5, §10): VWAP at or above 2.00 x the Conversion Price as of the Issue
 * Date (adjusted by 4(a)(A)-(C) only) on at least 20 of 30 consecutive Trading Days after the
 * 17-month anniversary; once met it stays met. Conversion Price 3.7690: threshold
 * 2.00 x 3.7690 = 7.538000 (PERCENT_OF), 3.00 x 3.7690 = 11.307000 (EXCESS_OVER).
 */
class Debenture5ciiVwapTestTest {

    static final LocalDate ISSUE = LocalDate.parse("2002-03-28");
    static final MandatoryConversionTerms TERMS =
            new MandatoryConversionTerms(new BigDecimal("2.00"), 30, 20, 17, 18, 3);
    static final ExchangeSessions NYSE = ExchangeSessions.nyse();

    static Instrument instrument(LocalDate issue) {
        return new Instrument("BRAMWELL-2002", "Bramwell Capital Corp.", new BigDecimal("2500000.00"), issue,
                issue.plusYears(5), new BigDecimal("3.7690"), new BigDecimal("0.05"), new BigDecimal("0.24"),
                new BigDecimal("0.0999"), "RRA-2002");
    }

    /** VWAP rows on consecutive NYSE session days from {@code first}, one price per day. */
    static List<VwapObservation> sessions(LocalDate first, List<String> prices) {
        List<VwapObservation> rows = new ArrayList<>();
        LocalDate day = NYSE.nextOrSame(first);
        for (String price : prices) {
            rows.add(new VwapObservation(day, new BigDecimal(price), 1000L));
            day = NYSE.next(day);
        }
        return rows;
    }

    /** {@code above} days at 8.00 (above 7.538) then {@code below} days at 7.00. */
    static List<String> pattern(int above, int below) {
        List<String> prices = new ArrayList<>();
        for (int i = 0; i < above; i++) {
            prices.add("8.00");
        }
        for (int i = 0; i < below; i++) {
            prices.add("7.00");
        }
        return prices;
    }

    static List<VwapTestDay> run(VwapTestReading reading, List<VwapObservation> vwaps, ConversionPriceHistory history,
                                 LocalDate asOf) {
        return new MandatoryConversionVwapTest(TERMS, reading, false).run(instrument(ISSUE), history, vwaps, asOf);
    }

    static ConversionPriceHistory noAdjustments() {
        return new ConversionPriceHistory("BRAMWELL-2002", ISSUE, new BigDecimal("3.7690"), List.of());
    }

    static final LocalDate FIRST_COUNTED = LocalDate.parse("2003-08-29"); // Friday after the 2003-08-28 anniversary
    static final LocalDate AS_OF = LocalDate.parse("2004-03-31");

    @Test
    void exactlyTwentyOfThirtyMeetsTheTestOnTheThirtiethDay() {
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(20, 10)),
                noAdjustments(), AS_OF);

        assertEquals(30, days.size());
        assertEquals(new BigDecimal("7.538000"), days.get(0).threshold()); // 2.00 x 3.7690
        assertNull(days.get(28).windowCount());    // the 29th day closes no window yet
        assertFalse(days.get(28).met());
        assertEquals(20, days.get(29).windowCount()); // 20 x 8.00 >= 7.538, 10 x 7.00 < 7.538
        assertTrue(days.get(29).met());
        assertEquals(FIRST_COUNTED, days.get(29).windowStart());
        // margins under both readings: 7.00 - 7.538 = -0.538; 7.00 - 11.307 = -4.307
        assertEquals(0, new BigDecimal("-0.538").compareTo(days.get(29).marginPercentOf()));
        assertEquals(0, new BigDecimal("-4.307").compareTo(days.get(29).marginExcessOver()));
    }

    @Test
    void nineteenOfThirtyIsNotEnough() {
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(19, 11)),
                noAdjustments(), AS_OF);
        assertEquals(19, days.get(29).windowCount());
        assertFalse(days.get(29).met());
    }

    @Test
    void theWindowRollsAndOnceMetStaysMet() {
        // 20 above, then 40 below: the count falls back to 0, met stays true
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(20, 40)),
                noAdjustments(), AS_OF);
        assertEquals(20, days.get(29).windowCount());
        assertEquals(19, days.get(30).windowCount()); // the first 8.00 day leaves the window
        assertEquals(0, days.get(59).windowCount());
        assertTrue(days.get(59).met());
    }

    @Test
    void aSplitInsideTheWindowChangesTheThreshold() {
        // 2-for-1 split effective on the 11th counted day: threshold 2.00 x 3.7690 / 2 = 3.769000 from then on
        List<VwapObservation> vwaps = sessions(FIRST_COUNTED, pattern(10, 20));
        LocalDate splitDay = vwaps.get(10).date();
        List<VwapObservation> adjusted = new ArrayList<>();
        for (int i = 0; i < vwaps.size(); i++) {
            // after the split the stock trades at half: 10 days at 4.00 (above 3.769), 10 at 3.50 (below)
            String price = i < 10 ? "8.00" : i < 20 ? "4.00" : "3.50";
            adjusted.add(new VwapObservation(vwaps.get(i).date(), new BigDecimal(price), 1000L));
        }
        ConversionPriceHistory history = new ConversionPriceHistory("BRAMWELL-2002", ISSUE, new BigDecimal("3.7690"),
                List.of(ShareCountAdjustment.of(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, splitDay,
                        new BigDecimal("2")))));

        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, adjusted, history, AS_OF);

        assertEquals(new BigDecimal("7.538000"), days.get(9).threshold());
        assertEquals(new BigDecimal("3.769000"), days.get(10).threshold());
        assertTrue(days.get(10).above()); // 4.00 >= 3.769 (it would be below an unadjusted 7.538)
        assertEquals(20, days.get(29).windowCount()); // 10 x 8.00 + 10 x 4.00
        assertTrue(days.get(29).met());
    }

    @Test
    void onlyTradingDaysStrictlyAfterTheSeventeenMonthAnniversaryCount() {
        // 2002-03-28 + 17 months = 2003-08-28: rows on 08-27 and 08-28 (above) do not count
        List<VwapObservation> vwaps = new ArrayList<>(sessions(LocalDate.parse("2003-08-27"), List.of("9.00", "9.00")));
        vwaps.addAll(sessions(FIRST_COUNTED, pattern(18, 12)));

        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, vwaps, noAdjustments(), AS_OF);

        assertEquals(FIRST_COUNTED, days.get(0).tradeDate());
        assertEquals(30, days.size());
        assertEquals(18, days.get(29).windowCount()); // the two 9.00 days would have made it 20
        assertFalse(days.get(29).met());
    }

    @Test
    void anIssueDateOnThe31stClampsTheAnniversariesToMonthEnd() {
        // Issue Date 2003-01-31: + 17 months = 2004-06-30 (June has 30 days): counting starts 2004-07-01
        LocalDate issue = LocalDate.parse("2003-01-31");
        MandatoryConversionVwapTest test = new MandatoryConversionVwapTest(TERMS, VwapTestReading.PERCENT_OF, false);
        assertEquals(LocalDate.parse("2004-06-30"), test.observationAnniversary(instrument(issue)));
        List<VwapObservation> vwaps = sessions(LocalDate.parse("2004-06-29"), pattern(3, 0));
        List<VwapTestDay> days = test.run(instrument(issue),
                new ConversionPriceHistory("X", issue, new BigDecimal("3.7690"), List.of()), vwaps, AS_OF.plusYears(1));
        assertEquals(LocalDate.parse("2004-07-01"), days.get(0).tradeDate()); // 06-29 and 06-30 excluded
        // and 5(c)(i): + 18 months = 2004-07-31
        assertEquals(LocalDate.parse("2004-07-31"), issue.plusMonths(18));
    }

    @Test
    void aMissingTradingDayInsideTheWindowIsNotATradingDay() {
        List<VwapObservation> vwaps = new ArrayList<>(sessions(FIRST_COUNTED, pattern(20, 11)));
        VwapObservation gap = vwaps.remove(5); // no VWAP row that session day: not a Trading Day

        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, vwaps, noAdjustments(), AS_OF);

        assertEquals(30, days.size());
        assertTrue(days.stream().noneMatch(d -> d.tradeDate().equals(gap.date())));
        // the 30 counted days span 31 session days; 19 at 8.00 remain in them
        assertEquals(19, days.get(29).windowCount());
        assertEquals(FIRST_COUNTED, days.get(29).windowStart());
    }

    @Test
    void zeroVolumeDaysAreNotTradingDays() {
        List<VwapObservation> vwaps = new ArrayList<>(sessions(FIRST_COUNTED, pattern(30, 0)));
        VwapObservation noTrades = vwaps.get(3);
        vwaps.set(3, new VwapObservation(noTrades.date(), noTrades.vwap(), 0L));
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, vwaps, noAdjustments(), AS_OF);
        assertEquals(29, days.size());
    }

    @Test
    void bothReadings() {
        // 20 days at 10.00: >= 7.538 (PERCENT_OF) but < 11.307 (EXCESS_OVER)
        List<String> prices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            prices.add(i < 20 ? "10.00" : "5.00");
        }
        List<VwapObservation> vwaps = sessions(FIRST_COUNTED, prices);
        List<VwapTestDay> percentOf = run(VwapTestReading.PERCENT_OF, vwaps, noAdjustments(), AS_OF);
        List<VwapTestDay> excessOver = run(VwapTestReading.EXCESS_OVER, vwaps, noAdjustments(), AS_OF);
        assertTrue(percentOf.get(29).met());
        assertEquals(new BigDecimal("11.307000"), excessOver.get(0).threshold()); // 3.00 x 3.7690
        assertEquals(0, excessOver.get(29).windowCount());
        assertFalse(excessOver.get(29).met());
        // the margin under both readings on a 10.00 day: 10 - 7.538 = 2.462; 10 - 11.307 = -1.307
        assertEquals(0, new BigDecimal("2.462").compareTo(excessOver.get(0).marginPercentOf()));
        assertEquals(0, new BigDecimal("-1.307").compareTo(excessOver.get(0).marginExcessOver()));
    }

    @Test
    void nothingAfterTheMaturityDateOrTheAsOfDate() {
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(30, 0)),
                noAdjustments(), LocalDate.parse("2003-09-05"));
        assertEquals(5, days.size()); // 08-29, 09-02, 09-03, 09-04, 09-05 (09-01 Labor Day)
    }

    @Test
    void metAndNearFindingsAreRunsOfCalendarDays() {
        List<VwapTestDay> days = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(20, 10)),
                noAdjustments(), AS_OF);
        List<Finding> findings = VwapTestFindings.of(instrument(ISSUE), TERMS, days, 15, AS_OF);
        Finding met = findings.stream().filter(f -> f.code() == ExceptionCode.VWAP_TEST_MET).findFirst().orElseThrow();
        assertEquals(days.get(29).tradeDate(), met.startDate());
        assertTrue(met.isOpen()); // stays met through the as-of date
        // the 30th day is the first with a count (20): no earlier day had a count of 15, so no warning run
        assertEquals(1, findings.size());

        // 15 above then 15 below: the count at day 30 is 15: a warning, not met
        List<VwapTestDay> near = run(VwapTestReading.PERCENT_OF, sessions(FIRST_COUNTED, pattern(15, 15)),
                noAdjustments(), AS_OF);
        List<Finding> warnings = VwapTestFindings.of(instrument(ISSUE), TERMS, near, 15, AS_OF);
        assertEquals(List.of(ExceptionCode.VWAP_TEST_NEAR), warnings.stream().map(Finding::code).toList());
        assertEquals(near.get(29).tradeDate(), warnings.get(0).startDate());
        assertTrue(warnings.get(0).isOpen());
    }
}
