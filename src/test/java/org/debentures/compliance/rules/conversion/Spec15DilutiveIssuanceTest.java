package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionForm;
import org.junit.jupiter.api.Test;

/**
 * SPEC §15, Debenture 4(a)(D)-(F) and 4(h): dilutive issuances adjust the Conversion Price; 4(h) exemptions do
 * not, except Infineon's 4(h)(v) above its 5% strategic-issuance cap. SPEC's example, then the edges.
 */
class Spec15DilutiveIssuanceTest {

    static final LocalDate ISSUE = LocalDate.parse("2002-03-28");
    static final BigDecimal CP = new BigDecimal("3.7690");

    static Instrument instrument(String id, BigDecimal strategicCap) {
        return new Instrument(id, id + " holder", new BigDecimal("2500000.00"), ISSUE, LocalDate.parse("2007-03-28"), CP,
                new BigDecimal("0.05"), new BigDecimal("0.24"), new BigDecimal("0.0999"), "RRA-2002", "JOINT-2002",
                List.of(), 218886L, null, strategicCap, List.of("RRA-2002"), MandatoryConversionForm.JOINT_INVESTOR,
                List.of());
    }

    static final Instrument BRAMWELL = instrument("BRAMWELL-2002", null);
    static final Instrument INFINEON = instrument("INFINEON-2002", new BigDecimal("0.05"));

    static FilingEvent outstanding(String date, long shares) {
        return new FilingEvent(LocalDate.parse(date), EventType.SHARES_OUTSTANDING, "RMTR", null, shares, null, null, null,
                null);
    }

    static FilingEvent issuance(String date, long shares, String price, String document, String clause) {
        return new FilingEvent(LocalDate.parse(date), EventType.ISSUANCE, "RMTR", null, shares, null, new BigDecimal(price),
                document, null, clause, null, null);
    }

    static final Function<LocalDate, BigDecimal> MP_4_50 = d -> new BigDecimal("4.500000");

    static BigDecimal reported(ConversionPriceHistory history, String date) {
        return Rounding.reportedConversionPrice(history.priceOn(LocalDate.parse(date)));
    }

    /** SPEC §15's example: 22,000,000 shares outstanding, Market Price 4.50, CP 3.7690. */
    static final List<FilingEvent> EXAMPLE = List.of(
            outstanding("2002-03-01", 22_000_000),
            issuance("2003-05-01", 1_000_000, "4.00", "COMMON", null),
            issuance("2003-06-02", 500_000, "3.20", "COMMON", null),
            issuance("2003-07-01", 1_200_000, "3.00", "COMMON", "4(h)(v)"));

    @Test
    void specExampleFThenDThenInfineonAloneAboveItsStrategicCap() {
        ConversionPriceHistory bramwell = ConversionPrices.history(BRAMWELL, List.of(), EXAMPLE, MP_4_50);
        ConversionPriceHistory infineon = ConversionPrices.history(INFINEON, List.of(), EXAMPLE, MP_4_50);

        // (F): 4.00 is at or above CP 3.769 and below MP 4.50:
        //   3.769 x (22,000,000 + 4,000,000 / 4.50) / (22,000,000 + 1,000,000)
        //   = 3.769 x 22,888,888.888... / 23,000,000 = 86,268,222.222... / 23,000,000 = 3.750792270531400966...
        assertEquals(new BigDecimal("3.750792270531"), reported(bramwell, "2003-05-01"));
        // kept with 34 significant digits (DECIMAL128, rounded at each operation), never rounded to 12
        assertEquals(new BigDecimal("3.750792270531400966183574879227053"), bramwell.priceOn(LocalDate.parse("2003-05-01")));
        assertEquals(new BigDecimal("3.769000000000"), reported(bramwell, "2003-04-30"));
        // (D): 3.20 below 3.7507...: full ratchet
        assertEquals(new BigDecimal("3.200000000000"), reported(bramwell, "2003-06-02"));
        assertEquals(new BigDecimal("3.200000000000"), reported(infineon, "2003-06-02"));
        // 4(h)(v) 1,200,000 shares > 5% x 22,000,000 = 1,100,000: exempt for Bramwell (no cap), (D) for Infineon
        assertEquals(new BigDecimal("3.200000000000"), reported(bramwell, "2003-07-01"));
        assertEquals(new BigDecimal("3.000000000000"), reported(infineon, "2003-07-01"));

        List<String> clauses = bramwell.changes().stream().map(c -> c.applied().clause()).toList();
        assertEquals(List.of("Debenture 4(a)(F)", "Debenture 4(a)(D)", "Debenture 4(h)(v)"), clauses);
        assertEquals("Debenture 4(a)(D)", infineon.changes().get(2).applied().clause());
        assertTrue(infineon.changes().get(2).applied().terms().contains("1,200,000 against 5% x 22,000,000 = 1100000"),
                infineon.changes().get(2).applied().terms());
        // the formula's terms, for legal to check by hand
        assertEquals("CP x (O + amount / MP) / (O + shares) = 3.769 x (22,000,000 + 4000000 / 4.5) / (22,000,000 + 1,000,000)"
                + " = 3.750792270531", bramwell.changes().get(0).applied().terms());
        // never the §5(c)(ii) threshold's price
        assertEquals(0, CP.compareTo(bramwell.shareCountPriceOn(LocalDate.parse("2003-07-01"))));
    }

    @Test
    void fUsesTheSharesOutstandingOfTheDayBeforeForEveryIssuanceOfTheDay() {
        List<FilingEvent> events = List.of(
                outstanding("2002-03-01", 22_000_000),
                outstanding("2003-05-01", 30_000_000), // in force from 05-01: not the O of 05-01's issuances
                issuance("2003-05-01", 1_000_000, "4.00", "COMMON", null),
                issuance("2003-05-01", 1_000_000, "4.00", "CONVERTIBLE", null));
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(), events, MP_4_50);
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal o = new BigDecimal("22000000");
        BigDecimal first = CP.multiply(o.add(new BigDecimal("4000000").divide(new BigDecimal("4.5"), mc), mc), mc)
                .divide(o.add(new BigDecimal("1000000")), mc);
        BigDecimal second = first.multiply(o.add(new BigDecimal("4000000").divide(new BigDecimal("4.5"), mc), mc), mc)
                .divide(o.add(new BigDecimal("1000000")), mc);
        assertEquals(second, h.priceOn(LocalDate.parse("2003-05-01")));
        assertEquals(22_000_000L, ((DilutiveIssuance) h.changes().get(1).adjustment()).sharesOutstanding());
        // 3.7507922705314... x 22,888,888.88... / 23,000,000 = 3.732672501108543...
        assertEquals(new BigDecimal("3.732672501109"), Rounding.reportedConversionPrice(second));
    }

    @Test
    void theAmountColumnIsTheConsiderationWhenGiven() {
        FilingEvent withAmount = new FilingEvent(LocalDate.parse("2003-05-01"), EventType.ISSUANCE, "RMTR",
                new BigDecimal("3900000"), 1_000_000L, null, new BigDecimal("4.00"), "CONVERTIBLE", null, null, null, null);
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(),
                List.of(outstanding("2002-03-01", 22_000_000), withAmount), MP_4_50);
        // 3.769 x (22,000,000 + 3,900,000 / 4.5) / 23,000,000 = 3.769 x 22,866,666.67 / 23,000,000 = 3.747150724637681...
        assertEquals(new BigDecimal("3.747150724638"), reported(h, "2003-05-01"));
    }

    @Test
    void aResetBelowTheConversionPriceRatchetsAndAtOrAboveItChangesNothing() {
        List<FilingEvent> events = List.of(outstanding("2002-03-01", 22_000_000),
                issuance("2003-05-01", 800_000, "4.00", "RESET", null),  // RESET is no (F) issuance
                issuance("2003-06-02", 800_000, "3.10", "RESET", null)); // (E): full ratchet
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(), events, MP_4_50);
        assertEquals(new BigDecimal("3.769000000000"), reported(h, "2003-05-01"));
        assertFalse(h.changes().get(0).applied().adjusted());
        assertEquals(new BigDecimal("3.100000000000"), reported(h, "2003-06-02"));
        assertEquals("Debenture 4(a)(E)", h.changes().get(1).applied().clause());
    }

    @Test
    void anIssuanceAtOrAboveTheMarketPriceChangesNothing() {
        List<FilingEvent> events = List.of(outstanding("2002-03-01", 22_000_000),
                issuance("2003-05-01", 1_000_000, "4.50", "COMMON", null));
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(), events, MP_4_50);
        assertEquals(0, CP.compareTo(h.priceOn(LocalDate.parse("2003-05-01"))));
        assertTrue(h.changes().get(0).applied().computable());
    }

    @Test
    void fWithoutAMarketPriceOrWithoutSharesOutstandingIsNotComputableAndChangesNothing() {
        List<FilingEvent> noCount = List.of(issuance("2003-05-01", 1_000_000, "4.00", "COMMON", null));
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(), noCount, MP_4_50);
        assertEquals(0, CP.compareTo(h.priceOn(LocalDate.parse("2003-05-01"))));
        assertFalse(h.changes().get(0).applied().computable());

        List<FilingEvent> withCount = List.of(outstanding("2002-03-01", 22_000_000),
                issuance("2003-05-01", 1_000_000, "4.00", "COMMON", null));
        ConversionPriceHistory noMp = ConversionPrices.history(BRAMWELL, List.of(), withCount, d -> null);
        assertFalse(noMp.changes().get(0).applied().computable());
        // below the Conversion Price no Market Price is needed: (D) applies
        ConversionPriceHistory ratchet = ConversionPrices.history(BRAMWELL, List.of(),
                List.of(issuance("2003-05-01", 1_000, "2.00", "COMMON", null)), d -> null);
        assertEquals(new BigDecimal("2.000000000000"), reported(ratchet, "2003-05-01"));
    }

    @Test
    void aDaysSplitAppliesBeforeItsIssuances() {
        // a 2-for-1 split and an issuance at 1.80 on one day: 3.769 / 2 = 1.8845, then 1.80 < 1.8845: (D) 1.80
        List<CorporateAction> split = List.of(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT,
                LocalDate.parse("2003-05-01"), new BigDecimal("2")));
        List<FilingEvent> events = List.of(outstanding("2002-03-01", 22_000_000),
                issuance("2003-05-01", 1_000, "1.80", "COMMON", null));
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, split, events, MP_4_50);
        assertEquals(new BigDecimal("1.800000000000"), reported(h, "2003-05-01"));
        assertEquals(List.of("Debenture 4(a)(A)", "Debenture 4(a)(D)"),
                h.changes().stream().map(c -> c.applied().clause()).toList());
        // the VWAP test's price moves with the split only
        assertEquals(new BigDecimal("1.884500000000"),
                Rounding.reportedConversionPrice(h.shareCountPriceOn(LocalDate.parse("2003-05-01"))));
    }

    @Test
    void everyStrategicIssuanceAfterTheCapIsExceededAdjustsInfineonsPrice() {
        List<FilingEvent> events = List.of(outstanding("2002-03-01", 22_000_000),
                issuance("2003-05-01", 600_000, "3.50", "COMMON", "4(h)(v)"),   // 600,000 <= 1,100,000: exempt
                issuance("2003-06-02", 500_000, "3.40", "COMMON", "4(h)(v)"),   // 1,100,000: not above: exempt
                issuance("2003-07-01", 1, "3.30", "COMMON", "4(h)(v)"),         // 1,100,001 > cap: (D) 3.30
                issuance("2003-08-01", 1, "3.25", "COMMON", "4(h)(i)"));        // another exemption: still exempt
        ConversionPriceHistory h = ConversionPrices.history(INFINEON, List.of(), events, MP_4_50);
        assertEquals(new BigDecimal("3.769000000000"), reported(h, "2003-06-02"));
        assertEquals(new BigDecimal("3.300000000000"), reported(h, "2003-07-01"));
        assertEquals(new BigDecimal("3.300000000000"), reported(h, "2003-08-01"));
    }

    @Test
    void aStrategicCapWithoutSharesOutstandingOnTheIssueDateIsNotComputableForThatInstrument() {
        List<FilingEvent> events = List.of(outstanding("2002-04-01", 22_000_000),
                issuance("2003-05-01", 1_200_000, "3.00", "COMMON", "4(h)(v)"));
        ConversionPriceHistory infineon = ConversionPrices.history(INFINEON, List.of(), events, MP_4_50);
        assertEquals(0, CP.compareTo(infineon.priceOn(LocalDate.parse("2003-05-01"))));
        assertFalse(infineon.changes().get(0).applied().computable());
        ConversionPriceHistory bramwell = ConversionPrices.history(BRAMWELL, List.of(), events, MP_4_50);
        assertTrue(bramwell.changes().get(0).applied().computable());
    }

    @Test
    void anIssuanceOnOrBeforeTheIssueDateIsInTheIssuePrice() {
        ConversionPriceHistory h = ConversionPrices.history(BRAMWELL, List.of(),
                List.of(issuance("2002-03-28", 1_000, "1.00", "COMMON", null)), MP_4_50);
        assertEquals(0, CP.compareTo(h.priceOn(LocalDate.parse("2003-01-01"))));
        assertTrue(h.changes().isEmpty());
    }

}
