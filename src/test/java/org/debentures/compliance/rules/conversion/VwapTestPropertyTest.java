package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.terms.MandatoryConversionTerms;
import org.debentures.compliance.terms.VwapTestReading;
import org.junit.jupiter.api.Test;

/** Invariants of the §5(c)(ii) test over seeded random price paths. */
class VwapTestPropertyTest {

    private static final long SEED = 5_2003_0828L;
    private static final LocalDate ISSUE = Debenture5ciiVwapTestTest.ISSUE;
    private static final LocalDate AS_OF = LocalDate.parse("2005-12-31");

    private static List<String> randomPrices(Random random, int days) {
        List<String> prices = new ArrayList<>();
        double level = 5 + random.nextDouble() * 5;
        for (int i = 0; i < days; i++) {
            level = Math.max(0.5, level * Math.exp(0.04 * random.nextGaussian()));
            prices.add(String.format(java.util.Locale.ROOT, "%.2f", level)); // a path of 2-decimal prices
        }
        return prices;
    }

    private static List<VwapTestDay> run(MandatoryConversionTerms terms, List<VwapObservation> vwaps,
                                         ConversionPriceHistory history) {
        return new MandatoryConversionVwapTest(terms, VwapTestReading.PERCENT_OF, false)
                .run(Debenture5ciiVwapTestTest.instrument(ISSUE), history, vwaps, AS_OF);
    }

    private static ConversionPriceHistory history(List<ShareCountAdjustment> adjustments) {
        return new ConversionPriceHistory("X", ISSUE, new BigDecimal("3.7690"), adjustments);
    }

    @Test
    void theCountNeverRisesWhenTheThresholdRisesAndOnceMetStaysMet() {
        Random random = new Random(SEED);
        MandatoryConversionTerms lower = Debenture5ciiVwapTestTest.TERMS;
        MandatoryConversionTerms higher = new MandatoryConversionTerms(new BigDecimal("2.25"), 30, 20, 17, 18, 3);
        for (int run = 0; run < 40; run++) {
            List<VwapObservation> vwaps = Debenture5ciiVwapTestTest.sessions(Debenture5ciiVwapTestTest.FIRST_COUNTED,
                    randomPrices(random, 250));
            List<VwapTestDay> low = run(lower, vwaps, history(List.of()));
            List<VwapTestDay> high = run(higher, vwaps, history(List.of()));
            assertEquals(low.size(), high.size());
            boolean metBefore = false;
            for (int i = 0; i < low.size(); i++) {
                if (low.get(i).windowCount() != null) {
                    assertTrue(high.get(i).windowCount() <= low.get(i).windowCount(), "run " + run + " day " + i);
                }
                assertTrue(!metBefore || low.get(i).met(), "once met, stays met (run " + run + ", day " + i + ")");
                metBefore = low.get(i).met();
                assertTrue(!high.get(i).met() || low.get(i).met(), "met at the higher threshold implies met at the lower");
            }
        }
    }

    @Test
    void aSplitThatDividesEveryPriceAndTheThresholdAlikeChangesNothing() {
        Random random = new Random(SEED + 7);
        for (String ratio : List.of("2", "4", "0.5")) {
            BigDecimal r = new BigDecimal(ratio);
            for (int run = 0; run < 20; run++) {
                List<VwapObservation> vwaps = Debenture5ciiVwapTestTest.sessions(Debenture5ciiVwapTestTest.FIRST_COUNTED,
                        randomPrices(random, 120));
                List<VwapObservation> split = vwaps.stream()
                        .map(v -> new VwapObservation(v.date(), v.vwap().divide(r), v.volume())).toList();
                // the split took effect before the first counted day, so every price and threshold is on the new basis
                ConversionPriceHistory afterSplit = history(List.of(ShareCountAdjustment.of(new CorporateAction(
                        CorporateAction.Kind.STOCK_SPLIT, LocalDate.parse("2003-06-02"), r))));
                List<VwapTestDay> original = run(Debenture5ciiVwapTestTest.TERMS, vwaps, history(List.of()));
                List<VwapTestDay> shifted = run(Debenture5ciiVwapTestTest.TERMS, split, afterSplit);
                for (int i = 0; i < original.size(); i++) {
                    assertEquals(original.get(i).above(), shifted.get(i).above(), ratio + " run " + run + " day " + i);
                    assertEquals(original.get(i).windowCount(), shifted.get(i).windowCount());
                    assertEquals(original.get(i).met(), shifted.get(i).met());
                }
            }
        }
    }

    @Test
    void aWindowHasAGapExactlyWhenOneOfItsSessionDaysHasNoRowAndNoHalt() {
        // SPEC §5 v2 checked day by day against the run's sorted-set answer: rows left out, rows with
        // volume 0 and one halt at random; the windows' gap days are the session days from the window's
        // first to its last counted day with no row that the halt does not cover
        Random random = new Random(SEED + 11);
        ExchangeSessions nyse = ExchangeSessions.nyse();
        for (int run = 0; run < 30; run++) {
            List<VwapObservation> vwaps = new ArrayList<>();
            for (VwapObservation v : Debenture5ciiVwapTestTest.sessions(Debenture5ciiVwapTestTest.FIRST_COUNTED,
                    randomPrices(random, 200))) {
                int roll = random.nextInt(40);
                if (roll > 1) {
                    vwaps.add(v);
                } else if (roll == 1) {
                    vwaps.add(new VwapObservation(v.date(), v.vwap(), 0L));
                } // roll == 0: no row
            }
            LocalDate haltStart = vwaps.get(40 + random.nextInt(100)).date();
            List<DateInterval> halts = List.of(new DateInterval(haltStart, haltStart.plusDays(random.nextInt(10))));
            Set<LocalDate> rows = vwaps.stream().map(VwapObservation::date).collect(Collectors.toSet());

            List<VwapTestDay> days = new MandatoryConversionVwapTest(Debenture5ciiVwapTestTest.TERMS,
                    VwapTestReading.PERCENT_OF, false).run(Debenture5ciiVwapTestTest.instrument(ISSUE),
                    history(List.of()), vwaps, nyse, halts, AS_OF);
            for (VwapTestDay day : days) {
                List<LocalDate> expected = new ArrayList<>();
                for (LocalDate d = day.windowStart(); d != null && !d.isAfter(day.tradeDate()); d = d.plusDays(1)) {
                    if (nyse.isSessionDay(d) && !rows.contains(d) && !halts.get(0).contains(d)) {
                        expected.add(d);
                    }
                }
                assertEquals(expected, day.windowGapDays(), "run " + run + " day " + day.tradeDate());
                assertEquals(!expected.isEmpty(), day.windowHasGap());
                if (day.windowStart() == null) {
                    assertFalse(day.windowHasGap());
                }
            }
        }
    }
}
