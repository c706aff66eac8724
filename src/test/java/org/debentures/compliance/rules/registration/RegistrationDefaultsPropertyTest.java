package org.debentures.compliance.rules.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.terms.CoverageCure;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.PenaltyPeriodCounting;
import org.debentures.compliance.terms.Switches;
import org.junit.jupiter.api.Test;

/** Invariants of RRA 2(d) over seeded random event logs. */
class RegistrationDefaultsPropertyTest {

    private static final long SEED = 2_0020_0426L;
    private static final LocalDate AS_OF = LocalDate.parse("2006-12-31");

    private static RegistrationTimeline randomTimeline(Random random, List<DateInterval> extraSuspensions) {
        LocalDate filed = LocalDate.parse("2002-04-10").plusDays(random.nextInt(60));
        LocalDate effective = LocalDate.parse("2002-07-01").plusDays(random.nextInt(120));
        List<DateInterval> suspensions = new ArrayList<>();
        List<DateInterval> delays = new ArrayList<>();
        LocalDate cursor = effective.plusDays(10);
        for (int i = 0; i < 12; i++) {
            cursor = cursor.plusDays(20 + random.nextInt(90));
            LocalDate end = cursor.plusDays(1 + random.nextInt(12));
            (random.nextBoolean() ? suspensions : delays).add(new DateInterval(cursor, end));
            cursor = end;
        }
        suspensions.addAll(extraSuspensions);
        List<LocalDate> notices = List.of(effective.plusDays(200 + random.nextInt(100)));
        List<LocalDate> amendments = List.of(notices.get(0).plusDays(random.nextInt(25)));
        return new RegistrationTimeline("RRA-2002", List.of(filed), List.of(effective), suspensions, delays, notices,
                amendments);
    }

    private static Switches randomSwitches(Random random) {
        return new Switches(random.nextBoolean() ? DeadlineConvention.FOLLOWING : DeadlineConvention.NONE, false,
                org.debentures.compliance.terms.VwapTestReading.PERCENT_OF,
                random.nextBoolean() ? CoverageCure.FILED : CoverageCure.EFFECTIVE,
                random.nextBoolean() ? PenaltyPeriodCounting.CUMULATIVE : PenaltyPeriodCounting.PER_EPISODE, true);
    }

    private static BigDecimal total(List<PenaltyAccrual> accruals) {
        return accruals.stream().map(PenaltyAccrual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void noDayTwiceAndDailyAccrualsSumToTheReportedTotal() {
        Random random = new Random(SEED);
        for (int run = 0; run < 60; run++) {
            Switches switches = randomSwitches(random);
            RegistrationDefaults.Result result = Rra2dRegistrationDefaultsTest.DEFAULTS.compute(
                    Rra2dRegistrationDefaultsTest.RRA_2002, Rra2dRegistrationDefaultsTest.CLOSING, switches,
                    randomTimeline(random, List.of()), AS_OF);
            List<LocalDate> days = result.days().stream().map(RegistrationDefaultDay::date).toList();
            for (int i = 1; i < days.size(); i++) {
                assertTrue(days.get(i).isAfter(days.get(i - 1)), "strictly increasing, no day twice (run " + run + ")");
            }
            List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(Rra2dRegistrationDefaultsTest.RRA_2002,
                    result.days(), List.of(Rra2dRegistrationDefaultsTest.bramwell()));
            assertEquals(days.size(), accruals.size());
            List<PenaltyStatement.Month> months = PenaltyStatement.of("BRAMWELL-2002", "Bramwell",
                    PenaltyKind.REGISTRATION_DEFAULT, accruals, List.of());
            assertEquals(0, total(accruals).compareTo(months.stream().map(PenaltyStatement.Month::accrued)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)), "run " + run);
        }
    }

    @Test
    void addingADefaultDayNeverLowersTheTotal() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < 60; run++) {
            long seed = random.nextLong();
            Switches switches = randomSwitches(new Random(seed));
            RegistrationTimeline base = randomTimeline(new Random(seed + 1), List.of());
            LocalDate extra = LocalDate.parse("2003-01-01").plusDays(random.nextInt(1400));
            RegistrationTimeline more = randomTimeline(new Random(seed + 1),
                    List.of(new DateInterval(extra, extra.plusDays(1))));
            BigDecimal before = total(LiquidatedDamages.accrue(Rra2dRegistrationDefaultsTest.RRA_2002,
                    Rra2dRegistrationDefaultsTest.DEFAULTS.compute(Rra2dRegistrationDefaultsTest.RRA_2002,
                            Rra2dRegistrationDefaultsTest.CLOSING, switches, base, AS_OF).days(),
                    List.of(Rra2dRegistrationDefaultsTest.bramwell())));
            BigDecimal after = total(LiquidatedDamages.accrue(Rra2dRegistrationDefaultsTest.RRA_2002,
                    Rra2dRegistrationDefaultsTest.DEFAULTS.compute(Rra2dRegistrationDefaultsTest.RRA_2002,
                            Rra2dRegistrationDefaultsTest.CLOSING, switches, more, AS_OF).days(),
                    List.of(Rra2dRegistrationDefaultsTest.bramwell())));
            assertTrue(after.compareTo(before) >= 0, "run " + run + ": " + before + " -> " + after);
        }
    }
}
