package org.debentures.compliance.job.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.debentures.compliance.events.EventIntervals;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.rules.market.SymbolPrices;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.store.intake.IntakeFacts;

/**
 * Reads the facts of one symbol from the intake tables as known on the run's last day (SPEC §10):
 * its current prices (one query for both feeds), its corporate actions and halts, the filings-log
 * rows about the symbol, its deals' agreements and instruments, and the range's vendor corrections.
 */
final class SymbolFactsLoader {

    private static final List<EventType> EVERY_TYPE = List.of(EventType.values());

    private final IntakeFacts intake;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;
    private final int horizonDays;

    SymbolFactsLoader(IntakeFacts intake, DealBook deals, LocalDate from, LocalDate to, int horizonDays) {
        this.intake = intake;
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.horizonDays = horizonDays;
    }

    SymbolFacts load(String symbol) {
        List<DealTerms> onSymbol = deals.dealsOnSymbol(symbol);
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(symbol);
        for (DealTerms deal : onSymbol) {
            deal.registrationAgreements().stream().map(RegistrationAgreement::id).forEach(subjects::add);
            deal.instruments().stream().map(Instrument::id).forEach(subjects::add);
        }
        Map<String, List<FilingEvent>> events = new HashMap<>();
        for (String subject : subjects) {
            events.put(subject, intake.events(subject, EVERY_TYPE, to));
        }
        return new SymbolFacts(symbol, onSymbol, deals.symbolStart(symbol).orElseThrow(), from, to, horizonDays,
                prices(symbol, events.get(symbol)), events, intake.restatements(symbol, from, to));
    }

    /** What the inputs say about {@code symbol} as known on {@code to}: current bids and VWAPs, splits, halts. */
    private SymbolPrices prices(String symbol, List<FilingEvent> symbolEvents) {
        Map<PriceFeed, List<PriceRow>> current = intake.currentPrices(symbol, to);
        Map<LocalDate, BigDecimal> bids = current.get(PriceFeed.CLOSING_BID).stream()
                .collect(Collectors.toMap(PriceRow::date, PriceRow::price));
        Map<LocalDate, VwapObservation> vwaps = current.get(PriceFeed.VWAP).stream()
                .collect(Collectors.toMap(PriceRow::date, r -> new VwapObservation(r.date(), r.price(), r.volume())));
        List<CorporateAction> actions = new ArrayList<>();
        for (FilingEvent e : symbolEvents) {
            if (e.type() == EventType.STOCK_SPLIT || e.type() == EventType.STOCK_DIVIDEND) {
                actions.add(new CorporateAction(e.type() == EventType.STOCK_SPLIT ? CorporateAction.Kind.STOCK_SPLIT
                        : CorporateAction.Kind.STOCK_DIVIDEND, e.date(), e.ratio()));
            }
        }
        var halts = EventIntervals.of(symbolEvents.stream()
                .filter(e -> e.type() == EventType.TRADING_HALTED || e.type() == EventType.TRADING_RESUMED).toList(),
                EventType.TRADING_HALTED);
        return new SymbolPrices(symbol, bids, vwaps, actions, halts);
    }
}
