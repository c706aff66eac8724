package org.debentures.compliance.rules.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.rules.conversion.ConversionDeliveries;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.conversion.ShareCountAdjustment;
import org.debentures.compliance.rules.market.CorporateAction;
import org.junit.jupiter.api.Test;

/** Debenture 3(c)-(e) (SPEC §7): Conversion Shares rounded up, the Delivery Date and Conversion Default accruals. */
class Debenture3eConversionDefaultTest {

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static final ConversionPriceHistory AFTER_SPLIT = new ConversionPriceHistory("BRAMWELL-2002",
            d("2002-03-28"), new BigDecimal("3.7690"), List.of(ShareCountAdjustment.of(new CorporateAction(
            CorporateAction.Kind.STOCK_SPLIT, d("2004-09-08"), new BigDecimal("2")))));

    private static final FilingEvent CONVERSION = new FilingEvent(d("2005-01-10"), EventType.CONVERSION, "BRAMWELL-2002",
            new BigDecimal("1000000.00"), 530645L, null, null, "CONV-1", null);

    private static ConversionDeliveries.Result run(List<FilingEvent> events, String asOf) {
        return new ConversionDeliveries(Debenture2InterestLedgerTest.NY).of(Debenture2InterestLedgerTest.DEAL,
                Debenture2InterestLedgerTest.BRAMWELL, AFTER_SPLIT, events, d(asOf));
    }

    @Test
    void sharesRoundedUpAndALateDeliveryAccruesFromTheDeliveryDate() {
        FilingEvent delivered = new FilingEvent(d("2005-01-20"), EventType.SHARES_DELIVERED, "BRAMWELL-2002", null,
                null, null, null, "CONV-1", null);
        ConversionDeliveries.Result result = run(List.of(CONVERSION, delivered), "2005-03-31");
        ConversionDelivery delivery = result.deliveries().get(0);
        // 1,000,000 / 1.8845 (3.7690 / 2 after the split) = 530,644.73 -> 530,645 shares (3(d): next higher whole share)
        assertEquals(new BigDecimal("530645"), delivery.sharesDue());
        // Delivery Date: 3rd Business Day after Monday 2005-01-10 = Thursday 01-13
        assertEquals(d("2005-01-13"), delivery.deliveryDate());
        // N = 01-13 .. 01-19 = 7 days; 1,000,000 x 24% / 365 = 657.534247 a day; 7 x = 4,602.739729
        assertEquals(7, delivery.defaultDays());
        assertEquals(new BigDecimal("657.534247"), result.accruals().get(0).amount());
        assertEquals(new BigDecimal("4602.739729"), result.accruals().stream().map(PenaltyAccrual::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals("Debenture 3(e)(A): Conversion Default day 1 of CONV-1 (Delivery Date 2005-01-13), 24% / 365 x"
                + " $1,000,000.00", result.accruals().get(0).explanation());
    }

    @Test
    void deliveredOnTheDeliveryDateIsNoDefault() {
        FilingEvent delivered = new FilingEvent(d("2005-01-13"), EventType.SHARES_DELIVERED, "BRAMWELL-2002", null,
                null, null, null, "CONV-1", null);
        ConversionDeliveries.Result result = run(List.of(CONVERSION, delivered), "2005-03-31");
        assertEquals(0, result.deliveries().get(0).defaultDays());
        assertEquals(List.of(), result.accruals());
    }

    @Test
    void undeliveredSharesBecomeAnEventOfDefaultAfterFiveBusinessDays() {
        ConversionDeliveries.Result result = run(List.of(CONVERSION), "2005-01-31");
        assertNull(result.deliveries().get(0).deliveredOn());
        assertEquals(19, result.deliveries().get(0).defaultDays()); // 01-13 .. 01-31 so far
        InterestLedger.Result noInterest = new InterestLedger.Result(List.of(), List.of(), List.of());
        List<Finding> findings = InterestFindings.of(Debenture2InterestLedgerTest.DEAL,
                Debenture2InterestLedgerTest.BRAMWELL, noInterest, result.deliveries(), Debenture2InterestLedgerTest.NY,
                d("2005-01-31"));
        // 5th Business Day after 01-13: 01-14, 01-18 (01-17 Martin Luther King Day), 01-19, 01-20, 01-21 -> from 01-22
        Finding eod = findings.stream().filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT).findFirst().orElseThrow();
        assertEquals(d("2005-01-22"), eod.startDate());
        assertNull(eod.endDate());
        Finding conversionDefault = findings.stream().filter(f -> f.code() == ExceptionCode.CONVERSION_DEFAULT)
                .findFirst().orElseThrow();
        assertEquals(d("2005-01-13"), conversionDefault.startDate());
    }

    @Test
    void spec7v2ConversionDefaultPaidSettlesTheOldestMonthFirst() {
        // undelivered as of 2005-02-10: 01-13 .. 01-31 = 19 days x 657.534247 = 12,493.150693 -> 12,493.15 for January;
        // 02-01 .. 02-10 = 10 days = 6,575.342470 -> 6,575.34 for February. CONVERSION_DEFAULT_PAID of 15,000.00 on
        // 02-15: January settled (12,493.15), February gets 15,000.00 - 12,493.15 = 2,506.85, 6,575.34 - 2,506.85 =
        // 4,068.49 outstanding
        ConversionDeliveries.Result result = run(List.of(CONVERSION), "2005-02-10");
        List<PenaltyStatement.Month> months = PenaltyStatement.of("BRAMWELL-2002", "Bramwell Capital Corp.",
                PenaltyKind.CONVERSION_DEFAULT, result.accruals(),
                List.of(new PenaltyStatement.Payment(d("2005-02-15"), new BigDecimal("15000.00"))));
        assertEquals(List.of("2005-01 12493.15 12493.15 0.00", "2005-02 6575.34 2506.85 4068.49"), months.stream()
                .map(m -> m.month() + " " + m.due() + " " + m.paid() + " " + m.outstanding()).toList());
    }
}
