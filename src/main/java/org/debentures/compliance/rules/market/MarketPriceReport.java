package org.debentures.compliance.rules.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * Everything the job reports about one symbol's prices for a run over {@code [from, to]}
 * (SPEC §3, §4, §10):
 * <ul>
 *   <li>one {@link MarketPrice} per calendar day of the range from the symbol's start (the
 *       earliest Closing or Issue Date of its deals);</li>
 *   <li>{@code MARKET_PRICE_UNAVAILABLE} as runs of consecutive calendar days without one;</li>
 *   <li>{@code PRICE_MISSING} as runs of data gaps ({@link PriceGapFinder}); days without an
 *       exchange session neither hold nor break a run.</li>
 * </ul>
 * The state is rebuilt from the symbol's start, so the runs are those known as of {@code to}:
 * every run up to {@code to} is returned (the writer keeps those that concern the range).
 */
public final class MarketPriceReport {

    static final String MARKET_PRICE_CLAUSE = "Debenture §1 Market Price, §4(b)";
    static final String DATA_GAP_CLAUSE = "Debenture §1 Trading Day, Closing Bid Price (SPEC §3)";
    private static final int DATES_LISTED = 5;

    /** The Market Price rows of the range, and the exception runs known as of its last day. */
    public record Result(List<MarketPrice> marketPrices, List<Finding> findings) {
    }

    private final MarketPriceCalculator calculator;
    private final PriceGapFinder gapFinder;
    private final ExchangeSessions sessions;

    public MarketPriceReport(MarketPriceCalculator calculator, ExchangeSessions sessions) {
        this.calculator = calculator;
        this.gapFinder = new PriceGapFinder(sessions);
        this.sessions = sessions;
    }

    /**
     * @param symbolStart the first day the symbol is reported (SPEC §10)
     * @param from first day of the run's range
     * @param to last day of the run's range: the as-of date
     */
    public Result report(SymbolPrices prices, SplitAdjustment adjustment, LocalDate symbolStart, LocalDate from,
                         LocalDate to) {
        List<MarketPrice> inRange = new ArrayList<>();
        LocalDate rangeStart = from.isAfter(symbolStart) ? from : symbolStart;
        // before the range only whether there is a Market Price matters (the runs of days without one)
        java.util.NavigableSet<LocalDate> unavailable = calculator.daysWithout(prices, symbolStart, rangeStart.minusDays(1));
        for (LocalDate day = rangeStart; !day.isAfter(to); day = day.plusDays(1)) {
            MarketPrice price = calculator.marketPrice(prices, adjustment, day);
            inRange.add(price);
            if (!price.isAvailable()) {
                unavailable.add(day);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ConditionRuns.Run run : ConditionRuns.runs(unavailable, to)) {
            MarketPrice first = calculator.unavailableOn(prices, run.first()); // the reason the run began
            long days = run.last().toEpochDay() - run.first().toEpochDay() + 1;
            String message = "no Market Price for " + prices.symbol() + " on " + days + " day(s) from " + run.first()
                    + (run.open() ? " (still unavailable on " + to + ")" : " to " + run.last())
                    + "; on " + run.first() + ": " + first.unavailableReason();
            findings.add(new Finding(ExceptionCode.MARKET_PRICE_UNAVAILABLE, prices.symbol(), MARKET_PRICE_CLAUSE,
                    run.first(), run.open() ? null : run.last(), message));
        }
        Map<LocalDate, PriceGap> gaps = gapFinder.gaps(prices, symbolStart, to).stream()
                .collect(Collectors.toMap(PriceGap::date, gap -> gap, (a, b) -> a, TreeMap::new));
        for (ConditionRuns.Run run : ConditionRuns.runs(gaps.keySet(), day -> !sessions.isSessionDay(day), to)) {
            List<PriceGap> inRun = gaps.values().stream()
                    .filter(g -> !g.date().isBefore(run.first()) && !g.date().isAfter(run.last())).toList();
            String listed = inRun.stream().limit(DATES_LISTED).map(g -> g.date() + " " + g.reason())
                    .collect(Collectors.joining("; "));
            String message = prices.symbol() + ": " + inRun.size() + " day(s) with missing prices from " + run.first()
                    + " to " + run.last() + ": " + listed + (inRun.size() > DATES_LISTED ? "; ..." : "");
            findings.add(new Finding(ExceptionCode.PRICE_MISSING, prices.symbol(), DATA_GAP_CLAUSE, run.first(),
                    run.open() ? null : run.last(), message));
        }
        return new Result(inRange, findings);
    }
}
