package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.junit.jupiter.api.Test;

/**
 * Debenture 3(b), 8(b) as SPEC §7 version 2 reads them: the Conversion Date of a {@code CONVERSION} row dated on a
 * day that is not a Business Day is the next Business Day, and the principal it removes, its Conversion Price, its
 * shares and its Delivery Date (3(d)) all date from it.
 */
class Debenture3bConversionDateTest {

    static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    static final Instrument BRAMWELL = DEAL.instruments().get(0);
    static final BusinessDays NY = BusinessDays.newYork();
    static final LocalDate SAT_2005_01_08 = LocalDate.parse("2005-01-08");
    static final LocalDate MON_2005_01_10 = LocalDate.parse("2005-01-10");

    /** A 2-for-1 split effective Monday 2005-01-10: 3.7690 / 2 = 1.8845 from that day. */
    static final ConversionPriceHistory SPLIT_ON_MONDAY = new ConversionPriceHistory(BRAMWELL.id(), BRAMWELL.issueDate(),
            new BigDecimal("3.7690"), List.of(ShareCountAdjustment.of(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT,
            MON_2005_01_10, new BigDecimal("2")))));

    static final FilingEvent SATURDAY_CONVERSION = new FilingEvent(SAT_2005_01_08, EventType.CONVERSION, BRAMWELL.id(),
            new BigDecimal("1000000.00"), 530645L, null, null, "CONV-SAT", null);

    @Test
    void spec7v2AConversionDatedOnASaturdayConvertsOnTheNextBusinessDay() {
        assertEquals(MON_2005_01_10, ConversionDate.of(SATURDAY_CONVERSION, NY));
        ConversionDeliveries.Result result = new ConversionDeliveries(NY).of(DEAL, BRAMWELL, SPLIT_ON_MONDAY,
                List.of(SATURDAY_CONVERSION), LocalDate.parse("2005-01-12"));
        ConversionDelivery delivery = result.deliveries().get(0);
        assertEquals(MON_2005_01_10, delivery.conversionDate());
        // the Conversion Price in effect on Monday, after the split: 1,000,000 / 1.8845 = 530,644.73 -> 530,645 shares
        // (on the row's Saturday it would be 1,000,000 / 3.7690 = 265,322.37 -> 265,323)
        assertEquals(new BigDecimal("1.8845"), delivery.conversionPrice().stripTrailingZeros());
        assertEquals(new BigDecimal("530645"), delivery.sharesDue());
        assertEquals(true, delivery.sharesMatch());
        // Delivery Date: the 3rd Business Day after Monday 01-10: 01-11, 01-12, 01-13 (from Saturday it would be 01-12)
        assertEquals(LocalDate.parse("2005-01-13"), delivery.deliveryDate());
        assertEquals(0, delivery.defaultDays());
    }

    @Test
    void spec7v2ThePrincipalGoesFromTheConversionDate() {
        PrincipalOutstanding principal = new PrincipalOutstanding(BRAMWELL, List.of(SATURDAY_CONVERSION), NY);
        // 2,500,000 until Sunday 01-09, 2,500,000 - 1,000,000 = 1,500,000 from Monday 01-10
        assertEquals(0, new BigDecimal("2500000").compareTo(principal.on(SAT_2005_01_08)));
        assertEquals(0, new BigDecimal("2500000").compareTo(principal.on(LocalDate.parse("2005-01-09"))));
        assertEquals(0, new BigDecimal("1500000").compareTo(principal.on(MON_2005_01_10)));
    }

    @Test
    void spec7v2MyExampleAConversionOnAHolidayMovesPastIt() {
        // dated Monday 2005-01-17, Martin Luther King Day (a New York bank holiday): Conversion Date Tuesday 01-18;
        // a conversion dated on a Business Day keeps its date
        FilingEvent holiday = new FilingEvent(LocalDate.parse("2005-01-17"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("100000.00"), 53065L, null, null, "CONV-MLK", null);
        assertEquals(LocalDate.parse("2005-01-18"), ConversionDate.of(holiday, NY));
        FilingEvent tuesday = new FilingEvent(LocalDate.parse("2005-01-18"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("100000.00"), 53065L, null, null, "CONV-TUE", null);
        assertEquals(LocalDate.parse("2005-01-18"), ConversionDate.of(tuesday, NY));
    }

    @Test
    void undeliveredAtTheEndOfTheDeliveryDateIsAConversionDefaultAlsoOnTheRunsLastDay() {
        // run as of the Delivery Date 2005-01-13, nothing delivered: that day is a Conversion Default day (N = 1 so
        // far, 1,000,000 x 24% / 365 = 657.534247), as it is in a run one day longer: a day's rows do not depend on
        // whether it is the run's last day
        ConversionDeliveries.Result lastDay = new ConversionDeliveries(NY).of(DEAL, BRAMWELL, SPLIT_ON_MONDAY,
                List.of(SATURDAY_CONVERSION), LocalDate.parse("2005-01-13"));
        assertEquals(1, lastDay.deliveries().get(0).defaultDays());
        assertEquals(new BigDecimal("657.534247"), lastDay.accruals().get(0).amount());
        ConversionDeliveries.Result dayAfter = new ConversionDeliveries(NY).of(DEAL, BRAMWELL, SPLIT_ON_MONDAY,
                List.of(SATURDAY_CONVERSION), LocalDate.parse("2005-01-14"));
        assertEquals(lastDay.accruals().get(0), dayAfter.accruals().get(0));
    }
}
