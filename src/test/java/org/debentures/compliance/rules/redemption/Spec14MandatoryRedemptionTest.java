package org.debentures.compliance.rules.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.junit.jupiter.api.Test;

/** Debenture 6(a)-(c) (SPEC §14) on Bramwell, $2,500,000, with SPEC §14's example dates. */
class Spec14MandatoryRedemptionTest {

    private static final BusinessDays NY = BusinessDays.newYork();
    private static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    private static final Instrument BRAMWELL = DEAL.instruments().get(0);
    private static final LocalDate AS_OF = LocalDate.parse("2004-06-30");
    /** SPEC §14's example: a 6(d)(iii) Event of Default 2004-02-10 .. 2004-02-12 on Bramwell. */
    private static final Finding EOD = new Finding(ExceptionCode.EVENT_OF_DEFAULT, "BRAMWELL-2002", "6(d)(iii)",
            d("2004-02-10"), d("2004-02-12"), "6(d)(iii)");

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static FilingEvent notice(String date, String amount, String redemptionDate, String document) {
        return new FilingEvent(d(date), EventType.REDEMPTION_NOTICE, "BRAMWELL-2002",
                amount == null ? null : new BigDecimal(amount), null, null, null, document, null, null, null,
                d(redemptionDate));
    }

    private static FilingEvent row(String date, EventType type, String amount, String document) {
        return new FilingEvent(d(date), type, "BRAMWELL-2002", amount == null ? null : new BigDecimal(amount), null, null,
                null, document, null);
    }

    private static MandatoryRedemption.Result evaluate(List<FilingEvent> events, BigDecimal marketPrice,
                                                      boolean waiverEnded) {
        MandatoryRedemption.Inputs in = new MandatoryRedemption.Inputs(DEAL, BRAMWELL,
                new PrincipalOutstanding(BRAMWELL, List.of(), NY), events, List.of(EOD), day -> waiverEnded, List.of(),
                day -> new BigDecimal("18150.684932"), day -> new BigDecimal("3.769"), day -> marketPrice);
        return new MandatoryRedemption(NY).evaluate(in, AS_OF);
    }

    @Test
    void theExampleNoticeOfFebruary17IsValidPricedOnTheRedemptionDateAndPaidLateWith14DaysOfLateInterest() {
        // Fri 02-13 is the first Business Day the Event of Default no longer continues: notice due by Tue 02-17 (Mon 16
        // Presidents' Day); R = 02-24 (Wed 18, Thu 19, Fri 20, Mon 23, Tue 24); pay by 03-02 (25, 26, 27, Mar 1, 2)
        List<FilingEvent> events = List.of(notice("2004-02-17", null, "2004-02-24", "N-1"),
                row("2004-03-09", EventType.REDEMPTION_PAID, "5400000", "N-1"));
        MandatoryRedemption.Result result = evaluate(events, new BigDecimal("8.000000"), false);
        MandatoryRedemption.Notice n = result.notices().get(0);
        assertEquals(d("2004-02-24"), n.redemptionDate());
        assertEquals(d("2004-03-02"), n.payBy());
        // P = 2,500,000 (all), I = 18,150.684932 x 2,500,000 / 2,500,000 = 18,150.68; P + I = 2,518,150.68
        // 120%: 3,021,780.82; (P + I) / 3.769 x 8.00 = 5,344,973.58 (the greater)
        assertEquals(new BigDecimal("2500000.00"), n.principal());
        assertEquals(new BigDecimal("18150.68"), n.interest());
        assertEquals(new BigDecimal("5344973.58"), n.price());
        assertEquals(d("2004-03-09"), n.paidDate());
        assertEquals("PAID_LATE", n.status());
        // late interest: 02-24 .. 03-08 (the payment day excluded), 14 days of 5,344,973.58 x 24% / 365 = 3,514.503176
        List<PenaltyAccrual> accruals = result.accruals();
        assertEquals(14, accruals.size());
        assertEquals(d("2004-02-24"), accruals.get(0).date());
        assertEquals(d("2004-03-08"), accruals.get(13).date());
        assertEquals(new BigDecimal("3514.503176"), accruals.get(0).amount());
        assertEquals(new BigDecimal("49203.04"), n.lateInterest()); // 14 x 3,514.503176 = 49,203.044464
        // the payment of 5,400,000: 5,344,973.58 to the price, 49,203.04 to the late interest, 5,823.38 beyond
        assertTrue(n.note().contains("$5,823.38 paid beyond"), n.note());
        Finding late = result.findings().stream().filter(f -> f.code() == ExceptionCode.REDEMPTION_PAYMENT_LATE)
                .findFirst().orElseThrow();
        assertEquals(d("2004-03-03"), late.startDate());
        assertEquals(d("2004-03-08"), late.endDate());
        assertEquals(List.of(new MandatoryRedemption.Effect("BRAMWELL-2002", d("2004-02-24"), new BigDecimal("2500000.00"),
                new BigDecimal("18150.68"))), result.effects());
    }

    @Test
    void aNoticeAfterTheWindowOneTooEarlyAndOneAboveThePrincipalAreInvalid() {
        MandatoryRedemption.Result late = evaluate(List.of(notice("2004-02-18", null, "2004-02-25", "N-2")),
                new BigDecimal("8"), false);
        assertEquals("INVALID", late.notices().get(0).status());
        Finding invalid = late.findings().get(0);
        assertEquals(ExceptionCode.REDEMPTION_NOTICE_INVALID, invalid.code());
        assertEquals(d("2004-02-18"), invalid.startDate());
        assertEquals(d("2004-02-18"), invalid.endDate(), "one row on its date, closed");
        assertTrue(late.effects().isEmpty());
        MandatoryRedemption.Result early = evaluate(List.of(notice("2004-02-17", null, "2004-02-23", "N-3")),
                new BigDecimal("8"), false);
        assertTrue(early.notices().get(0).note().contains("before 2004-02-24"), early.notices().get(0).note());
        MandatoryRedemption.Result above = evaluate(List.of(notice("2004-02-12", "3000000", "2004-02-20", "N-4")),
                new BigDecimal("8"), false);
        assertTrue(above.notices().get(0).note().contains("above the unpaid principal $2,500,000.00"),
                above.notices().get(0).note());
    }

    @Test
    void aRunEndedByAWaiverOpensNoNoticeWindow() {
        MandatoryRedemption.Result result = evaluate(List.of(notice("2004-02-17", null, "2004-02-24", "N-1")),
                new BigDecimal("8"), true);
        assertEquals("INVALID", result.notices().get(0).status());
    }

    @Test
    void aRescissionBeforePaymentRevokesTheNoticeAndAnUndeterminedPriceIsThe120PercentFloor() {
        List<FilingEvent> events = new ArrayList<>(List.of(notice("2004-02-11", "1000000", "2004-02-19", "N-5"),
                row("2004-03-01", EventType.REDEMPTION_RESCINDED, null, "N-5")));
        MandatoryRedemption.Result result = evaluate(events, null, false);
        MandatoryRedemption.Notice n = result.notices().get(0);
        assertEquals("RESCINDED", n.status());
        assertTrue(result.effects().isEmpty(), "the ledger is as if the notice had never been given");
        // P = 1,000,000, I = 18,150.684932 x 1,000,000 / 2,500,000 = 7,260.27; 120% x 1,007,260.27 = 1,208,712.32
        assertEquals(new BigDecimal("7260.27"), n.interest());
        assertEquals(new BigDecimal("1208712.32"), n.price());
        assertNull(n.marketPrice());
        assertTrue(n.note().contains("undetermined"), n.note());
        // unpaid after pay-by 02-26 (20, 23, 24, 25, 26): late interest from R 02-19 to the rescission 03-01 (excluded)
        assertEquals(11, result.accruals().size());
        assertEquals(d("2004-02-29"), result.accruals().get(10).date());
    }

    @Test
    void underEventStartTheConversionPriceIsTheOneInEffectOnTheFirstDayOfTheEventOfDefault() {
        // a split on 2004-02-20 halves the price: 3.769 before, 1.8845 from then; R = 02-24
        DealTerms eventStart = DEAL.withSwitches(new org.debentures.compliance.terms.Switches(
                DEAL.switches().deadlineConvention(), DEAL.switches().pricesSplitAdjusted(), DEAL.switches().vwapTestReading(),
                DEAL.switches().coverageCure(), DEAL.switches().penaltyPeriodCounting(), DEAL.switches().compoundUnpaidInterest(),
                org.debentures.compliance.terms.RedemptionConversionPrice.EVENT_START));
        java.util.function.Function<LocalDate, BigDecimal> prices = day -> day.isBefore(d("2004-02-20"))
                ? new BigDecimal("3.769") : new BigDecimal("1.8845");
        for (DealTerms deal : List.of(DEAL, eventStart)) {
            MandatoryRedemption.Inputs in = new MandatoryRedemption.Inputs(deal, BRAMWELL,
                    new PrincipalOutstanding(BRAMWELL, List.of(), NY), List.of(notice("2004-02-17", null, "2004-02-24", "N-1")),
                    List.of(EOD), day -> false, List.of(), day -> new BigDecimal("18150.684932"), prices,
                    day -> new BigDecimal("8.000000"));
            MandatoryRedemption.Notice n = new MandatoryRedemption(NY).evaluate(in, AS_OF).notices().get(0);
            // REDEMPTION_DATE: the price on R, 1.8845; EVENT_START: on 2004-02-10, 3.769
            assertEquals(deal == DEAL ? new BigDecimal("1.8845") : new BigDecimal("3.769"), n.conversionPrice());
        }
    }

    @Test
    void afterAConsummatedChangeOfControlANoticeIsValidThroughTheThirdBusinessDayAfterIt() {
        // 6(d)(ii) from the announcement 2004-05-03 through the consummation, Thu 2004-07-15; the ordinary window ends
        // Mon 07-19 (Fri 07-16 is the first Business Day it no longer continues, plus one); the Change of Control window
        // runs through Tue 07-20 (Fri 16, Mon 19, Tue 20)
        Finding control = new Finding(ExceptionCode.EVENT_OF_DEFAULT, "BRAMWELL-2002", "6(d)(ii)", d("2004-05-03"),
                d("2004-07-15"), "6(d)(ii)");
        for (String[] c : List.of(new String[] {"2004-07-20", "2004-07-27", "OPEN"},
                new String[] {"2004-07-21", "2004-07-28", "INVALID"})) {
            MandatoryRedemption.Inputs in = new MandatoryRedemption.Inputs(DEAL, BRAMWELL,
                    new PrincipalOutstanding(BRAMWELL, List.of(), NY), List.of(notice(c[0], null, c[1], "N-C")),
                    List.of(control), day -> false, List.of(d("2004-07-15")), day -> new BigDecimal("18150.684932"),
                    day -> new BigDecimal("3.769"), day -> new BigDecimal("8"));
            assertEquals(c[2], new MandatoryRedemption(NY).evaluate(in, d("2004-12-31")).notices().get(0).status(), c[0]);
        }
    }
}
