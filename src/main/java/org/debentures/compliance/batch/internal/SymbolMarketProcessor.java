package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.events.EventIntervals;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.market.CorporateAction;
import org.debentures.compliance.market.MarketPriceCalculator;
import org.debentures.compliance.market.MarketPriceReport;
import org.debentures.compliance.market.PriceFeed;
import org.debentures.compliance.market.SplitAdjustment;
import org.debentures.compliance.market.SymbolPrices;
import org.debentures.compliance.market.VwapObservation;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;

/**
 * For one symbol: loads what the inputs say as of the run's last day and hands it to
 * {@link MarketPriceReport}; adds the symbol's vendor corrections ({@code PRICE_RESTATED}).
 */
public class SymbolMarketProcessor {

    /** The Market Price rows of the range and the exception runs known as of its last day. */
    public record Output(String symbol, MarketPriceReport.Result report, List<Finding> restatements) {
    }

    private final IntakeTables tables;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;

    public SymbolMarketProcessor(IntakeTables tables, DealBook deals, LocalDate from, LocalDate to) {
        this.tables = tables;
        this.deals = deals;
        this.from = from;
        this.to = to;
    }

    /** @param prices the symbol's inputs as of {@code to} ({@link #load}) */
    public Output process(String symbol, SymbolPrices prices) {
        List<DealTerms> onSymbol = deals.dealsOnSymbol(symbol);
        DealTerms terms = onSymbol.get(0); // deals on one symbol agree on these terms (checked when loaded)
        LocalDate start = deals.symbolStart(symbol).orElseThrow();
        MarketPriceReport report = new MarketPriceReport(
                new MarketPriceCalculator(terms.marketPriceTradingDays()), ExchangeSessions.nyse());
        SplitAdjustment adjustment = new SplitAdjustment(prices.corporateActions(), terms.switches().pricesSplitAdjusted());
        LocalDate rangeStart = from.isBefore(start) ? start : from;
        MarketPriceReport.Result result = rangeStart.isAfter(to)
                ? new MarketPriceReport.Result(List.of(), List.of())
                : report.report(prices, adjustment, start, rangeStart, to);
        return new Output(symbol, result, restatementFindings(symbol));
    }

    /** What the inputs say about {@code symbol} as known on {@code to}: current bids and VWAPs, splits, halts. */
    static SymbolPrices load(IntakeTables tables, String symbol, LocalDate to) {
        Map<PriceFeed, List<PriceRow>> current = tables.currentPrices(symbol, to);
        Map<LocalDate, java.math.BigDecimal> bids = current.get(PriceFeed.CLOSING_BID).stream()
                .collect(Collectors.toMap(PriceRow::date, PriceRow::price));
        Map<LocalDate, VwapObservation> vwaps = current.get(PriceFeed.VWAP).stream()
                .collect(Collectors.toMap(PriceRow::date, r -> new VwapObservation(r.date(), r.price(), r.volume())));
        List<CorporateAction> actions = new ArrayList<>();
        for (FilingEvent e : tables.events(symbol, List.of(EventType.STOCK_SPLIT, EventType.STOCK_DIVIDEND), to)) {
            actions.add(new CorporateAction(e.type() == EventType.STOCK_SPLIT ? CorporateAction.Kind.STOCK_SPLIT
                    : CorporateAction.Kind.STOCK_DIVIDEND, e.date(), e.ratio()));
        }
        var halts = EventIntervals.of(tables.events(symbol,
                List.of(EventType.TRADING_HALTED, EventType.TRADING_RESUMED), to), EventType.TRADING_HALTED);
        return new SymbolPrices(symbol, bids, vwaps, actions, halts);
    }

    /** One {@code PRICE_RESTATED} per feed and price date (several corrections of one price are listed together). */
    private List<Finding> restatementFindings(String symbol) {
        Map<String, List<Object[]>> byFeedAndDate = new LinkedHashMap<>();
        for (Object[] r : tables.restatements(symbol, from, to)) {
            byFeedAndDate.computeIfAbsent(r[0] + "|" + r[1], k -> new ArrayList<>()).add(r);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Object[]> same : byFeedAndDate.values()) {
            LocalDate date = (LocalDate) same.get(0)[1];
            String message = same.stream().map(r -> (String) r[2]).collect(Collectors.joining("; then "));
            findings.add(new Finding(ExceptionCode.PRICE_RESTATED, symbol,
                    "SPEC §2 vendor correction, " + same.get(0)[0] + " feed", date, date.equals(to) ? null : date, message));
        }
        return findings;
    }
}
