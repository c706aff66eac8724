package org.debentures.compliance.rules.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.junit.jupiter.api.Test;

/** Invariants of the Market Price (SPEC §4) over seeded random price paths. */
class MarketPricePropertyTest {

    private static final long SEED = 4_2002_0328L;

    private record Path(SymbolPrices prices, List<CorporateAction> actions) {
    }

    private static Path randomPath(Random random) {
        ExchangeSessions sessions = ExchangeSessions.nyse();
        Map<LocalDate, BigDecimal> bids = new LinkedHashMap<>();
        Map<LocalDate, VwapObservation> vwaps = new LinkedHashMap<>();
        List<CorporateAction> actions = new ArrayList<>();
        LocalDate day = sessions.nextOrSame(LocalDate.parse("2003-01-02"));
        for (int i = 0; i < 120; i++) {
            BigDecimal bid = BigDecimal.valueOf(100 + random.nextInt(900), 2); // 1.00 .. 9.99
            if (random.nextInt(10) > 0) { // some Trading Days lack a bid
                bids.put(day, bid);
            }
            vwaps.put(day, new VwapObservation(day, bid, random.nextInt(5) == 0 ? 0L : 1000L));
            if (random.nextInt(40) == 0) {
                actions.add(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, day,
                        List.of(new BigDecimal("2"), new BigDecimal("0.1"), new BigDecimal("1.05")).get(random.nextInt(3))));
            }
            day = sessions.next(day);
        }
        return new Path(new SymbolPrices("RND", bids, vwaps, actions, List.of()), actions);
    }

    /** The one-pass availability agrees, day by day, with the window the Market Price itself looks at. */
    @Test
    void theDaysWithoutAMarketPriceAreTheDaysWhoseWindowHasNone() {
        Random random = new Random(SEED + 7);
        int without = 0;
        int with = 0;
        for (int run = 0; run < 200; run++) {
            Path path = randomPath(random);
            MarketPriceCalculator calculator = new MarketPriceCalculator(1 + random.nextInt(6));
            LocalDate start = LocalDate.parse("2002-12-20").plusDays(random.nextInt(60));
            LocalDate end = start.plusDays(random.nextInt(200));
            java.util.NavigableSet<LocalDate> fast = calculator.daysWithout(path.prices(), start, end);
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                boolean none = calculator.unavailableOn(path.prices(), day) != null;
                assertEquals(none, fast.contains(day), "run " + run + " " + day);
                if (none) {
                    without++;
                } else {
                    with++;
                }
            }
            assertTrue(fast.stream().allMatch(d -> !d.isBefore(start) && !d.isAfter(end)), "only days of the span");
        }
        assertTrue(without > 1000 && with > 1000, "both kinds of day checked: " + without + " without, " + with + " with");
    }

    @Test
    void marketPriceLiesBetweenTheSmallestAndLargestAdjustedBidOfItsWindow() {
        Random random = new Random(SEED);
        MarketPriceCalculator calculator = new MarketPriceCalculator(5);
        int checked = 0;
        for (int run = 0; run < 50; run++) {
            Path path = randomPath(random);
            SplitAdjustment adjustment = new SplitAdjustment(path.actions(), false);
            for (LocalDate day = LocalDate.parse("2003-01-01"); day.isBefore(LocalDate.parse("2003-07-01")); day = day.plusDays(1)) {
                LocalDate d = day;
                MarketPrice price = calculator.marketPrice(path.prices(), adjustment, d);
                if (!price.isAvailable()) {
                    continue;
                }
                BigDecimal min = price.adjustedBids().stream().min(Comparator.naturalOrder()).orElseThrow()
                        .setScale(6, RoundingMode.FLOOR);
                BigDecimal max = price.adjustedBids().stream().max(Comparator.naturalOrder()).orElseThrow()
                        .setScale(6, RoundingMode.CEILING);
                assertTrue(price.value().compareTo(min) >= 0 && price.value().compareTo(max) <= 0,
                        "run " + run + " " + d + ": " + price.value() + " not in [" + min + ", " + max + "]");
                assertTrue(price.windowDays().stream().allMatch(w -> w.isBefore(d)), "window before the date");
                checked++;
            }
        }
        assertTrue(checked > 1000, "enough available prices checked: " + checked);
    }

    @Test
    void scalingEveryBidScalesTheMarketPrice() {
        Random random = new Random(SEED + 1);
        MarketPriceCalculator calculator = new MarketPriceCalculator(5);
        BigDecimal three = new BigDecimal("3");
        for (int run = 0; run < 20; run++) {
            Path path = randomPath(random);
            Map<LocalDate, BigDecimal> tripled = new LinkedHashMap<>();
            path.prices().closingBids().forEach((d, b) -> tripled.put(d, b.multiply(three)));
            SymbolPrices scaled = new SymbolPrices("RND", tripled, path.prices().vwaps(), path.actions(), List.of());
            SplitAdjustment adjustment = new SplitAdjustment(path.actions(), false);
            for (LocalDate d = LocalDate.parse("2003-02-01"); d.isBefore(LocalDate.parse("2003-06-01")); d = d.plusDays(7)) {
                MarketPrice original = calculator.marketPrice(path.prices(), adjustment, d);
                MarketPrice triple = calculator.marketPrice(scaled, adjustment, d);
                assertEquals(original.isAvailable(), triple.isAvailable());
                if (original.isAvailable()) {
                    // each is rounded once at six decimals: the tripled price is within 3 half-units of 3 x the original
                    BigDecimal difference = triple.value().subtract(original.value().multiply(three)).abs();
                    assertTrue(difference.compareTo(new BigDecimal("0.0000015")) <= 0, d + ": " + difference);
                }
            }
        }
    }
}
