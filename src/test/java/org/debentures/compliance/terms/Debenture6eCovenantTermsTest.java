package org.debentures.compliance.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debenture 6(e), 6(d)(ix), 6(d)(x) terms as values (SPEC §12): EBITDA targets over calendar quarter
 * ends, capex limits of exactly one kind, and the records' own checks.
 */
class Debenture6eCovenantTermsTest {

    private static final LocalDate WED_2004_03_31 = LocalDate.of(2004, 3, 31);
    private static final LocalDate SAT_2007_03_31 = LocalDate.of(2007, 3, 31);

    @Test
    void quarterEndsFromFirstToLastBothIncluded() {
        List<LocalDate> ends = EbitdaTarget.quarterEnds(WED_2004_03_31, SAT_2007_03_31);
        List<LocalDate> expected = new ArrayList<>();
        for (int year = 2004; year <= 2006; year++) {
            expected.addAll(List.of(LocalDate.of(year, 3, 31), LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 30),
                    LocalDate.of(year, 12, 31)));
        }
        expected.add(SAT_2007_03_31);
        assertEquals(expected, ends); // 3 x 4 + 1 = 13
        assertEquals(List.of(WED_2004_03_31), EbitdaTarget.quarterEnds(WED_2004_03_31, WED_2004_03_31));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "2004-03-31, true", "2004-06-30, true", "2004-09-30, true", "2004-12-31, true",
            "2004-02-29, false", // a month end, not a quarter end
            "2004-03-30, false", "2004-12-30, false", "2005-01-31, false",
    })
    void aQuarterEndIsTheLastDayOfMarchJuneSeptemberOrDecember(String date, boolean quarterEnd) {
        assertEquals(quarterEnd, EbitdaTarget.isQuarterEnd(LocalDate.parse(date)));
    }

    @Test
    void anEbitdaTargetChecksItsMonthsAndPeriodEnds() {
        BigDecimal target = new BigDecimal("-250000"); // a loss of at most 250,000
        assertEquals(3, new EbitdaTarget(3, List.of(WED_2004_03_31), target).months());
        assertThrows(IllegalArgumentException.class, () -> new EbitdaTarget(9, List.of(WED_2004_03_31), target));
        assertThrows(IllegalArgumentException.class, () -> new EbitdaTarget(3, List.of(), target));
        assertThrows(IllegalArgumentException.class, () -> new EbitdaTarget(3, List.of(LocalDate.of(2004, 3, 30)), target));
        assertThrows(IllegalArgumentException.class, () -> new EbitdaTarget(3,
                List.of(LocalDate.of(2004, 6, 30), WED_2004_03_31), target)); // not in order
        assertThrows(IllegalArgumentException.class, () -> EbitdaTarget.quarterEnds(SAT_2007_03_31, WED_2004_03_31));
        List<LocalDate> ends = new ArrayList<>(List.of(WED_2004_03_31));
        EbitdaTarget copied = new EbitdaTarget(3, ends, target);
        ends.add(LocalDate.of(2004, 6, 30));
        assertEquals(1, copied.periodEnds().size()); // List.copyOf
    }

    @Test
    void aCapexLimitIsAnAmountOrAShareOfRevenueNeverBoth() {
        CapexLimit amount = CapexLimit.ofAmount(2002, new BigDecimal("1500000"));
        CapexLimit share = CapexLimit.ofShareOfRevenue(2003, new BigDecimal("0.03"));
        assertEquals(new CapexLimit(2002, new BigDecimal("1500000"), null), amount);
        assertEquals(new CapexLimit(2003, null, new BigDecimal("0.03")), share);
        assertThrows(IllegalArgumentException.class, () -> new CapexLimit(2003, BigDecimal.ONE, new BigDecimal("0.03")));
        assertThrows(IllegalArgumentException.class, () -> new CapexLimit(2003, null, null));
        assertThrows(IllegalArgumentException.class, () -> CapexLimit.ofShareOfRevenue(2003, new BigDecimal("1.01")));
        assertThrows(IllegalArgumentException.class, () -> CapexLimit.ofAmount(2003, new BigDecimal("-1")));
    }

    @Test
    void covenantsRefuseTwoTargetsForOnePeriodAndTwoLimitsForOneYear() {
        EbitdaTarget sixMonths = new EbitdaTarget(6, EbitdaTarget.quarterEnds(WED_2004_03_31, SAT_2007_03_31),
                new BigDecimal("937500"));
        EbitdaTarget threeMonths = new EbitdaTarget(3, List.of(WED_2004_03_31), new BigDecimal("-250000"));
        // another length ending on the same day is another Target Period
        assertEquals(2, new CovenantTerms(List.of(sixMonths, threeMonths), 30, 2, 5, List.of()).ebitdaTargets().size());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new CovenantTerms(
                List.of(sixMonths, new EbitdaTarget(6, List.of(LocalDate.of(2005, 6, 30)), BigDecimal.ONE)), 30, 2, 5,
                List.of()));
        assertTrue(twice.getMessage().contains("6-month period ending 2005-06-30"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CovenantTerms(List.of(), 30, 2, 5,
                List.of(CapexLimit.ofAmount(2002, BigDecimal.ONE), CapexLimit.ofShareOfRevenue(2002, new BigDecimal("0.03")))));
        assertThrows(IllegalArgumentException.class, () -> new CovenantTerms(List.of(), -1, 2, 5, List.of()));
        assertTrue(CovenantTerms.NONE.isEmpty());
        assertEquals(List.of(30, 2, 5), List.of(CovenantTerms.NONE.ebitdaGraceDays(),
                CovenantTerms.NONE.certificateBusinessDays(), CovenantTerms.NONE.reviewBusinessDays()));
    }
}
