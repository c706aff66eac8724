package org.debentures.compliance.rules.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.terms.DealTerms;

/**
 * Business step: the symbol's Market Prices for every day of the range (Debenture §1, §4(b); SPEC
 * §4, §10 rows) with {@code MARKET_PRICE_UNAVAILABLE} and {@code PRICE_MISSING}
 * ({@link MarketPriceReport}), and one {@code PRICE_RESTATED} per feed and price date of the
 * range's vendor corrections (SPEC §2).
 */
public final class MarketPriceStep implements BusinessStep {

    /** The Market Price rows of the range and the exception runs known as of its last day. */
    public record Result(String symbol, MarketPriceReport.Result report, List<Finding> restatements) {
        public Result {
            restatements = List.copyOf(restatements);
        }
    }

    @Override
    public String name() {
        return "market prices";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        DealTerms terms = facts.deals().get(0); // deals on one symbol agree on these terms (checked when loaded)
        MarketPriceReport report = new MarketPriceReport(
                new MarketPriceCalculator(terms.marketPriceTradingDays()), ExchangeSessions.nyse());
        SplitAdjustment adjustment = new SplitAdjustment(facts.prices().corporateActions(),
                terms.switches().pricesSplitAdjusted());
        LocalDate rangeStart = facts.from().isBefore(facts.symbolStart()) ? facts.symbolStart() : facts.from();
        MarketPriceReport.Result result = rangeStart.isAfter(facts.to())
                ? new MarketPriceReport.Result(List.of(), List.of())
                : report.report(facts.prices(), adjustment, facts.symbolStart(), rangeStart, facts.to());
        results.setMarket(new Result(facts.symbol(), result, restatementFindings(facts)));
    }

    /**
     * The Market Price as of any day under {@code deal}'s reading ({@code null} when unavailable): the range's rows
     * this step worked out when the deal reads prices as the symbol's first deal does, else worked out on demand.
     */
    public static java.util.function.Function<LocalDate, java.math.BigDecimal> asOf(SymbolFacts facts, DealTerms deal,
                                                                                   Result known) {
        DealTerms first = facts.deals().get(0);
        boolean sameReading = deal.marketPriceTradingDays() == first.marketPriceTradingDays()
                && deal.switches().pricesSplitAdjusted() == first.switches().pricesSplitAdjusted();
        MarketPriceCalculator calculator = new MarketPriceCalculator(deal.marketPriceTradingDays());
        SplitAdjustment adjustment = new SplitAdjustment(facts.prices().corporateActions(),
                deal.switches().pricesSplitAdjusted());
        // indexed on first use: most deals never ask (no issuance, no Event of Default, no notice)
        boolean useRows = sameReading && known != null;
        Map<LocalDate, MarketPrice> rows = new java.util.HashMap<>();
        return day -> {
            if (useRows && rows.isEmpty()) {
                known.report().marketPrices().forEach(p -> rows.put(p.asOf(), p));
            }
            MarketPrice p = rows.get(day);
            return (p != null ? p : calculator.marketPrice(facts.prices(), adjustment, day)).value();
        };
    }

    /** One {@code PRICE_RESTATED} per feed and price date (several corrections of one price are listed together). */
    private static List<Finding> restatementFindings(SymbolFacts facts) {
        Map<String, List<PriceRestatement>> byFeedAndDate = new LinkedHashMap<>();
        for (PriceRestatement r : facts.restatements()) {
            byFeedAndDate.computeIfAbsent(r.feed() + "|" + r.priceDate(), k -> new ArrayList<>()).add(r);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<PriceRestatement> same : byFeedAndDate.values()) {
            LocalDate date = same.get(0).priceDate();
            String message = same.stream().map(PriceRestatement::message).collect(Collectors.joining("; then "));
            findings.add(new Finding(ExceptionCode.PRICE_RESTATED, facts.symbol(),
                    "SPEC §2 vendor correction, " + same.get(0).feed() + " feed", date,
                    date.equals(facts.to()) ? null : date, message));
        }
        return findings;
    }
}
