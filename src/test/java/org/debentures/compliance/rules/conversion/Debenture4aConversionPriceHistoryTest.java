package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.market.CorporateAction;
import org.junit.jupiter.api.Test;

/** Debenture 4(a): the Conversion Price on every date; §5(c)(ii) uses only the (A)-(C) adjustments. */
class Debenture4aConversionPriceHistoryTest {

    private static final LocalDate ISSUE = LocalDate.parse("2002-03-28");
    private static final BigDecimal PRICE = new BigDecimal("3.7690");

    private static ShareCountAdjustment split(String date, String ratio) {
        return ShareCountAdjustment.of(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, LocalDate.parse(date),
                new BigDecimal(ratio)));
    }

    /** A stand-in for a later 4(a)(D) adjustment: halves the price. It must not touch the VWAP test price. */
    private record Dilutive(LocalDate effectiveDate) implements ConversionPriceAdjustment {
        public AdjustmentClause clause() {
            return AdjustmentClause.DILUTIVE_ISSUANCE;
        }

        public Applied applied(BigDecimal priceBefore) {
            return new Applied(priceBefore.divide(new BigDecimal("2")), "test", "halved", true, true);
        }

        public String describe() {
            return "test dilutive issuance";
        }
    }

    @Test
    void splitReverseSplitAndDividendChangeThePriceFromTheirEffectiveDate() {
        ConversionPriceHistory history = new ConversionPriceHistory("BRAMWELL-2002", ISSUE, PRICE, List.of(
                split("2004-09-08", "2"),
                split("2006-01-10", "0.1"),
                ShareCountAdjustment.of(new CorporateAction(CorporateAction.Kind.STOCK_DIVIDEND,
                        LocalDate.parse("2005-06-15"), new BigDecimal("1.05")))));

        assertEquals(0, PRICE.compareTo(history.priceOn(LocalDate.parse("2004-09-07"))));
        // 4(a)(A) 2-for-1 split: 3.7690 / 2 = 1.8845 from the split day on
        assertEquals(0, new BigDecimal("1.8845").compareTo(history.priceOn(LocalDate.parse("2004-09-08"))));
        // 4(a)(C) 5% dividend on its record date: 1.8845 / 1.05 = 1.794761904761904761904761904761905 (DECIMAL128)
        assertEquals(new BigDecimal("1.794761904762"),
                Rounding.reportedConversionPrice(history.priceOn(LocalDate.parse("2005-06-15"))));
        // 4(a)(B) 1-for-10 reverse split: x 10 = 17.94761904762
        assertEquals(new BigDecimal("17.947619047619"),
                Rounding.reportedConversionPrice(history.priceOn(LocalDate.parse("2006-01-10"))));
        assertEquals(List.of(AdjustmentClause.STOCK_SPLIT, AdjustmentClause.STOCK_DIVIDEND, AdjustmentClause.REVERSE_SPLIT),
                history.changes().stream().map(c -> c.adjustment().clause()).toList());
    }

    @Test
    void eventsBeforeTheIssueDateAreAlreadyInTheIssuePrice() {
        ConversionPriceHistory history = new ConversionPriceHistory("X", ISSUE, PRICE, List.of(split("2002-03-28", "2")));
        assertEquals(0, PRICE.compareTo(history.priceOn(LocalDate.parse("2003-01-01"))));
    }

    @Test
    void theVwapTestPriceIgnoresAdjustmentsOtherThan4aAToC() {
        ConversionPriceHistory history = new ConversionPriceHistory("X", ISSUE, PRICE, List.of(
                new Dilutive(LocalDate.parse("2003-05-01")), split("2004-09-08", "2")));
        LocalDate after = LocalDate.parse("2004-12-31");
        // every adjustment: 3.7690 / 2 (dilutive) / 2 (split) = 0.94225
        assertEquals(0, new BigDecimal("0.94225").compareTo(history.priceOn(after)));
        // 5(c)(ii): only the split: 3.7690 / 2 = 1.8845
        assertEquals(0, new BigDecimal("1.8845").compareTo(history.shareCountPriceOn(after)));
    }

    /** The prices worked out once per adjustment are those of applying, for each date, the adjustments in effect. */
    @Test
    void everyDatesPriceIsTheAdjustmentsInEffectAppliedInDateOrder() {
        java.util.Random random = new java.util.Random(2002_0328L);
        for (int run = 0; run < 500; run++) {
            List<ConversionPriceAdjustment> adjustments = new java.util.ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                LocalDate date = ISSUE.plusDays(random.nextInt(2000) - 100);
                adjustments.add(random.nextInt(4) == 0 ? new Dilutive(date)
                        : split(date.toString(), List.of("2", "3", "0.1", "1.05", "1.5").get(random.nextInt(5))));
            }
            ConversionPriceHistory history = new ConversionPriceHistory("X", ISSUE, PRICE, adjustments);
            List<ConversionPriceAdjustment> inOrder = adjustments.stream().filter(a -> a.effectiveDate().isAfter(ISSUE))
                    .sorted(java.util.Comparator.comparing(ConversionPriceAdjustment::effectiveDate)).toList();
            for (LocalDate day = ISSUE.minusDays(5); day.isBefore(ISSUE.plusDays(2000)); day = day.plusDays(7)) {
                BigDecimal all = PRICE;
                BigDecimal shareCount = PRICE;
                for (ConversionPriceAdjustment a : inOrder) {
                    if (!a.effectiveDate().isAfter(day)) {
                        all = a.apply(all);
                        shareCount = a.clause().isShareCountEvent() ? a.apply(shareCount) : shareCount;
                    }
                }
                assertEquals(all, history.priceOn(day), "run " + run + " " + day);
                assertEquals(shareCount, history.shareCountPriceOn(day), "run " + run + " " + day);
            }
        }
    }
}
