package org.debentures.compliance.rules.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.CoverageCure;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.PenaltyPeriodCounting;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.Switches;
import org.debentures.compliance.terms.VwapTestReading;
import org.junit.jupiter.api.Test;

/**
 * RRA 2(d), 4(f), 4(k) as SPEC §6 words them: default days with their reasons, counted once, and
 * the liquidated damages of each Debenture: principal x 1.5% / 30 for default days 1-30 and
 * x 2% / 30 after. Closing Date 2002-03-28: Filing Deadline 2002-04-28 (Sunday; 04-29 under
 * FOLLOWING), Registration Deadline 2002-07-26 (Friday).
 */
public class Rra2dRegistrationDefaultsTest {

    public static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    public static final RegistrationAgreement RRA_2002 = DEAL.agreement("RRA-2002").orElseThrow();
    public static final RegistrationAgreement RRA_2001 = DEAL.agreement("RRA-2001").orElseThrow();
    public static final Instrument BRAMWELL = DEAL.instruments().get(0);
    public static final LocalDate CLOSING = LocalDate.parse("2002-03-28");
    public static final LocalDate AS_OF = LocalDate.parse("2007-03-28");
    public static final RegistrationDefaults DEFAULTS = new RegistrationDefaults(BusinessDays.newYork());

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static Switches switches(DeadlineConvention convention, PenaltyPeriodCounting counting, CoverageCure cure) {
        return new Switches(convention, false, VwapTestReading.PERCENT_OF, cure, counting, true);
    }

    public static final Switches DEFAULT_SWITCHES = Switches.defaults();

    public static RegistrationTimeline timeline(String filed, String effective, List<DateInterval> suspensions,
                                         List<DateInterval> delays) {
        return new RegistrationTimeline("RRA-2002", filed == null ? List.of() : List.of(d(filed)),
                effective == null ? List.of() : List.of(d(effective)), suspensions, delays, List.of(), List.of());
    }

    static List<LocalDate> days(RegistrationDefaults.Result result) {
        return result.days().stream().map(RegistrationDefaultDay::date).toList();
    }

    static List<LocalDate> range(String first, String last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = d(first); !day.isAfter(d(last)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    static BigDecimal total(List<PenaltyAccrual> accruals) {
        return accruals.stream().map(PenaltyAccrual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static PrincipalOutstanding bramwell(FilingEvent... events) {
        return new PrincipalOutstanding(BRAMWELL, List.of(events), BusinessDays.newYork());
    }

    @Test
    void filedOneDayLateIsOneDefaultDayUnderFollowingAndTwoUnderNone() {
        RegistrationTimeline filedApril30 = timeline("2002-04-30", "2002-07-26", List.of(), List.of());

        RegistrationDefaults.Result following = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES, filedApril30, AS_OF);
        // 2002-03-28 + 31 = Sunday 04-28 -> FOLLOWING: Monday 04-29; filed 04-30: one day, the filing day counts
        assertEquals(d("2002-04-29"), following.deadlines().filingDeadline());
        assertEquals(List.of(d("2002-04-30")), days(following));
        assertEquals(EnumSet.of(DefaultReason.FILING_LATE), following.days().get(0).reasons());

        RegistrationDefaults.Result none = DEFAULTS.compute(RRA_2002, CLOSING,
                switches(DeadlineConvention.NONE, PenaltyPeriodCounting.CUMULATIVE, CoverageCure.FILED), filedApril30, AS_OF);
        assertEquals(d("2002-04-28"), none.deadlines().filingDeadline());
        assertEquals(List.of(d("2002-04-29"), d("2002-04-30")), days(none));
    }

    @Test
    void effectiveThirteenDaysLate() {
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-08-08", List.of(), List.of()), AS_OF);
        // Registration Deadline 2002-07-26; effective 08-08: 07-27 .. 08-08 = 5 + 8 = 13 days (the effective day counts)
        assertEquals(range("2002-07-27", "2002-08-08"), days(result));
        // 13 x 2,500,000 x 1.5% / 30 = 13 x 1,250.000000 = 16,250.000000
        assertEquals(new BigDecimal("16250.000000"),
                total(LiquidatedDamages.accrue(RRA_2002, result.days(), List.of(bramwell()))));
    }

    @Test
    void spec11Example4CrossingIntoTwoPercent() {
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-09-05", List.of(), List.of()), AS_OF);
        List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(RRA_2002, result.days(), List.of(bramwell()));
        assertEquals(41, accruals.size()); // 2002-07-27 .. 2002-09-05
        assertEquals(new BigDecimal("1250.000000"), accruals.get(29).amount());  // day 30: 2,500,000 x 1.5% / 30
        assertEquals(new BigDecimal("1666.666667"), accruals.get(30).amount());  // day 31: 2,500,000 x 2% / 30
        assertEquals("RRA 2(d)(ii): default day 31, 2% / 30 x $2,500,000.00 (EFFECTIVENESS_LATE)",
                accruals.get(30).explanation());
        // 30 x 1,250 + 11 x 1,666.666667 = 37,500 + 18,333.333337 = 55,833.333337 -> 55,833.33
        assertEquals(new BigDecimal("55833.333337"), total(accruals));
        List<PenaltyStatement.Month> months = PenaltyStatement.of(BRAMWELL.id(), BRAMWELL.holder(),
                PenaltyKind.REGISTRATION_DEFAULT, accruals, List.of());
        assertEquals(new BigDecimal("55833.33"), months.stream().map(PenaltyStatement.Month::due)
                .reduce(BigDecimal.ZERO, BigDecimal::add)); // 6,250.00 + 41,250.00 + 8,333.33 (Jul, Aug, Sep)
    }

    @Test
    void aNineDayAllowedDelaySpanningAWeekend() {
        // Wed 2003-10-01 .. end Fri 10-10 (out): days 10-01 .. 10-09. Business Days 10-01, 02, 03, 06, 07:
        // covered 10-01 .. 10-07 (7 calendar days, the weekend inside); 10-08 and 10-09 are (B) default days
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-07-01", List.of(),
                        List.of(new DateInterval(d("2003-10-01"), d("2003-10-10")))), AS_OF);
        assertEquals(List.of(d("2003-10-08"), d("2003-10-09")), days(result));
        assertEquals(EnumSet.of(DefaultReason.ALLOWED_DELAY_EXCEEDED), result.days().get(0).reasons());
    }

    @Test
    void allowedDelaysBeyondThirtyDaysInTwelveMonthsAcrossAYearEnd() {
        List<DateInterval> delays = List.of(
                new DateInterval(d("2003-10-08"), d("2003-10-17")), new DateInterval(d("2003-11-05"), d("2003-11-12")),
                new DateInterval(d("2003-12-03"), d("2003-12-10")), new DateInterval(d("2004-01-07"), d("2004-01-14")),
                new DateInterval(d("2004-02-04"), d("2004-02-11")));
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-07-01", List.of(), delays), AS_OF);
        // 8 + 7 + 7 + 7 covered = 29 by 2004-01-13; 2004-02-04 is the 30th; 02-05 .. 02-10 exceed the budget
        List<LocalDate> expected = new ArrayList<>(List.of(d("2003-10-16")));
        expected.addAll(range("2004-02-05", "2004-02-10"));
        assertEquals(expected, days(result));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), result.days().stream().map(RegistrationDefaultDay::dayIndex).toList());
    }

    @Test
    void overlappingReasonsCountTheDayOnce() {
        // filed 2002-08-01, after the Registration Deadline: 07-27 .. 08-01 are both filing- and effectiveness-late
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-08-01", "2002-08-10", List.of(), List.of()), AS_OF);
        // filing late 04-30 .. 08-01 (94 days); effectiveness late 07-27 .. 08-10 adds 08-02 .. 08-10 (9 days)
        assertEquals(94 + 9, result.days().size());
        RegistrationDefaultDay overlap = result.days().stream().filter(x -> x.date().equals(d("2002-07-30")))
                .findFirst().orElseThrow();
        assertEquals("FILING_LATE;EFFECTIVENESS_LATE", overlap.reasonsText());
        assertEquals(result.days().size(), result.days().stream().map(RegistrationDefaultDay::date).distinct().count());
        assertEquals(103, result.days().get(102).dayIndex());
    }

    @Test
    void aConversionInTheMiddleOfADefaultChangesTheBaseFromItsDate() {
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-08-08", List.of(), List.of()), AS_OF);
        FilingEvent conversion = new FilingEvent(d("2002-08-01"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("500000"), 132662L, null, null, "C-1", null);
        List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(RRA_2002, result.days(), List.of(bramwell(conversion)));
        // 07-27 .. 07-31: 5 x 2,500,000 x 1.5% / 30 = 5 x 1,250 = 6,250
        // 08-01 .. 08-08 (conversion day included): 8 x 2,000,000 x 1.5% / 30 = 8 x 1,000 = 8,000
        assertEquals(new BigDecimal("2500000.00"), accruals.get(4).baseAmount());
        assertEquals(0, new BigDecimal("2000000").compareTo(accruals.get(5).baseAmount()));
        assertEquals(0, new BigDecimal("14250").compareTo(total(accruals)));
    }

    @Test
    void perEpisodeRestartsTheFirstPeriod() {
        // 35 days effectiveness late (07-27 .. 08-30), then a 5-day suspension 2003-02-03 .. 02-07
        RegistrationTimeline timeline = timeline("2002-04-15", "2002-08-30",
                List.of(new DateInterval(d("2003-02-03"), d("2003-02-08"))), List.of());
        RegistrationDefaults.Result cumulative = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES, timeline, AS_OF);
        RegistrationDefaults.Result perEpisode = DEFAULTS.compute(RRA_2002, CLOSING,
                switches(DeadlineConvention.FOLLOWING, PenaltyPeriodCounting.PER_EPISODE, CoverageCure.FILED), timeline, AS_OF);
        assertEquals(40, cumulative.days().size());
        assertEquals(36, cumulative.days().get(35).dayIndex());
        assertEquals(new BigDecimal("0.02"), cumulative.days().get(35).rate());
        assertEquals(1, perEpisode.days().get(35).dayIndex());
        assertEquals(new BigDecimal("0.015"), perEpisode.days().get(35).rate());
        // CUMULATIVE: 30 x 1,250 + 10 x 1,666.666667 = 37,500 + 16,666.66667 = 54,166.666670
        assertEquals(new BigDecimal("54166.666670"),
                total(LiquidatedDamages.accrue(RRA_2002, cumulative.days(), List.of(bramwell()))));
        // PER_EPISODE: 30 x 1,250 + 5 x 1,666.666667 + 5 x 1,250 = 37,500 + 8,333.333335 + 6,250 = 52,083.333335
        assertEquals(new BigDecimal("52083.333335"),
                total(LiquidatedDamages.accrue(RRA_2002, perEpisode.days(), List.of(bramwell()))));
    }

    @Test
    void coverageCureFiledOrEffective() {
        RegistrationTimeline timeline = new RegistrationTimeline("RRA-2002", List.of(d("2002-04-15")),
                List.of(d("2002-07-01"), d("2004-03-25")), List.of(), List.of(), List.of(d("2004-03-01")),
                List.of(d("2004-03-16")));
        // notice 2004-03-01 + 10 days = Thursday 03-11 (a Business Day); amended 03-16, effective 03-25
        RegistrationDefaults.Result filed = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES, timeline, AS_OF);
        assertEquals(range("2004-03-12", "2004-03-16"), days(filed)); // 5 days
        RegistrationDefaults.Result effective = DEFAULTS.compute(RRA_2002, CLOSING,
                switches(DeadlineConvention.FOLLOWING, PenaltyPeriodCounting.CUMULATIVE, CoverageCure.EFFECTIVE),
                timeline, AS_OF);
        assertEquals(range("2004-03-12", "2004-03-25"), days(effective)); // 14 days
        assertEquals("COVERAGE_LATE", effective.days().get(0).reasonsText());
    }

    @Test
    void notFiledYetRunsToTheAsOfDate() {
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline(null, null, List.of(), List.of()), d("2002-05-05"));
        assertEquals(range("2002-04-30", "2002-05-05"), days(result));
    }

    @Test
    void anAgreementWithPenaltiesDisabledListsItsDaysWithoutAccruals() {
        RegistrationTimeline late = new RegistrationTimeline("RRA-2001", List.of(d("2002-04-30")),
                List.of(d("2002-07-26")), List.of(), List.of(), List.of(), List.of());
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2001, CLOSING, DEFAULT_SWITCHES, late, AS_OF);
        assertEquals(List.of(d("2002-04-30")), days(result));
        assertNull(result.days().get(0).rate());
        assertTrue(LiquidatedDamages.accrue(RRA_2001, result.days(), List.of(bramwell())).isEmpty());
    }

    @Test
    void paymentsSettleTheOldestMonthFirstAndAnOverpaymentIsACredit() {
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-09-05", List.of(), List.of()), AS_OF);
        List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(RRA_2002, result.days(), List.of(bramwell()));
        // July 6,250.00 (days 1-5 x 1,250), August 41,250.00 (days 6-30: 25 x 1,250 = 31,250; days 31-36:
        // 6 x 1,666.666667 = 10,000.000002), September 8,333.33 (days 37-41: 5 x 1,666.666667 = 8,333.333335)
        // a payment of 10,000.00 settles July (6,250.00), then 3,750.00 of August
        List<PenaltyStatement.Month> partly = PenaltyStatement.of(BRAMWELL.id(), BRAMWELL.holder(),
                PenaltyKind.REGISTRATION_DEFAULT, accruals, List.of(new PenaltyStatement.Payment(d("2002-10-15"),
                        new BigDecimal("10000.00"))));
        assertEquals(List.of("6250.00", "3750.00", "0.00"), partly.stream().map(m -> m.paid().toPlainString()).toList());
        assertEquals(List.of("0.00", "37500.00", "8333.33"),
                partly.stream().map(m -> m.outstanding().toPlainString()).toList());

        List<PenaltyStatement.Month> overpaid = PenaltyStatement.of(BRAMWELL.id(), BRAMWELL.holder(),
                PenaltyKind.REGISTRATION_DEFAULT, accruals, List.of(new PenaltyStatement.Payment(d("2002-10-15"),
                        new BigDecimal("60000.00"))));
        // 60,000.00 - 55,833.33 = 4,166.67 unapplied: a credit in October 2002
        PenaltyStatement.Month credit = overpaid.get(overpaid.size() - 1);
        assertEquals(java.time.YearMonth.of(2002, 10), credit.month());
        assertEquals(new BigDecimal("-4166.67"), credit.outstanding());
    }

    @Test
    void spec6v2AnAllowedDelayAcrossFirstEffectivenessGives34DefaultDays() {
        // SPEC §6 v2 example: effective 2002-09-05 (after the Registration Deadline 2002-07-26: 07-27 .. 09-05 are
        // EFFECTIVENESS_LATE, 41 days); an Allowed Delay from 09-04 to 10-15 covers 09-05 .. 09-10, then
        // 09-11 .. 10-14 (34 days) are (B) default days with ALLOWED_DELAY_EXCEEDED
        RegistrationDefaults.Result result = DEFAULTS.compute(RRA_2002, CLOSING, DEFAULT_SWITCHES,
                timeline("2002-04-15", "2002-09-05", List.of(),
                        List.of(new DateInterval(d("2002-09-04"), d("2002-10-15")))), AS_OF);
        List<LocalDate> expected = new ArrayList<>(range("2002-07-27", "2002-09-05"));
        expected.addAll(range("2002-09-11", "2002-10-14"));
        assertEquals(expected, days(result));
        assertEquals(41 + 34, result.days().size());
        assertEquals(EnumSet.of(DefaultReason.ALLOWED_DELAY_EXCEEDED),
                result.days().stream().filter(x -> x.date().equals(d("2002-09-11"))).findFirst().orElseThrow().reasons());
        // 09-11 is the agreement's 42nd default day (CUMULATIVE): 2% a month
        assertEquals(42, result.days().get(41).dayIndex());
    }
}
