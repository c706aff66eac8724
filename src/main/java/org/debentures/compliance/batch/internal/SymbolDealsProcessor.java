package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.deadlines.Deadline;
import org.debentures.compliance.deadlines.UpcomingDeadlines;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.interest.InterestFindings;
import org.debentures.compliance.market.MarketPrice;
import org.debentures.compliance.market.SymbolPrices;
import org.debentures.compliance.market.VwapObservation;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Every rule of the deals on one symbol, as known on the run's last day, in the order the rules
 * depend on each other: the symbol's Market Prices (per symbol), the registration defaults of the
 * deals' agreements, the interest ledgers and Mandatory Redemption Prices of their instruments
 * (which need the 6(d)(iii) Events of Default of the registration rule), then the VWAP test and
 * readiness (which need every Event of Default), and each deal's upcoming deadlines from all of
 * these. The symbol's prices are read once and shared by the
 * rules that use them, instead of once per rule and instrument; no two symbols share any of these
 * rows, so symbols are computed on different workers independently. Loads and hands over to the
 * per-rule processors; no rule lives here.
 */
public class SymbolDealsProcessor implements ItemProcessor<String, SymbolDealsProcessor.Output> {

    /**
     * Everything to write for the deals on one symbol, per rule, in the order it is written;
     * {@code registrationEventsOfDefault}: the 6(d)(iii) Events of Default by instrument id.
     */
    public record Output(SymbolMarketProcessor.Output market, List<RegistrationDefaultsProcessor.Output> registration,
                         Map<String, List<Finding>> registrationEventsOfDefault,
                         List<InterestLedgerProcessor.Output> interest,
                         List<InstrumentConversionProcessor.Output> conversion, Map<String, List<Deadline>> deadlines) {
    }

    private final IntakeTables intake;
    private final DealBook deals;
    private final LocalDate to;
    private final SymbolMarketProcessor market;
    private final RegistrationDefaultsProcessor registration;
    private final LocalDate from;
    private final int horizonDays;
    private final AtomicLong marketNanos = new AtomicLong();

    /** @param horizonDays how far after {@code to} upcoming deadlines are listed */
    public SymbolDealsProcessor(IntakeTables intake, DealBook deals, LocalDate from, LocalDate to, int horizonDays) {
        this.intake = intake;
        this.horizonDays = horizonDays;
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.market = new SymbolMarketProcessor(intake, deals, from, to);
        this.registration = new RegistrationDefaultsProcessor(intake, deals, to);
    }

    /** Time spent so far reading symbols' prices and working out their Market Prices, summed over the workers. */
    public long marketNanos() {
        return marketNanos.get();
    }

    @Override
    public Output process(String symbol) {
        long started = System.nanoTime();
        SymbolPrices prices = SymbolMarketProcessor.load(intake, symbol, to);
        SymbolMarketProcessor.Output marketPrices = market.process(symbol, prices);
        marketNanos.addAndGet(System.nanoTime() - started);

        List<DealTerms> onSymbol = deals.dealsOnSymbol(symbol);
        Map<String, List<Finding>> eventsOfDefault = new HashMap<>(); // by instrument id, 6(d)(iii) then 6(d)(v)
        List<RegistrationDefaultsProcessor.Output> registrations = new ArrayList<>();
        for (DealTerms deal : onSymbol) {
            for (RegistrationAgreement agreement : deal.registrationAgreements()) {
                RegistrationDefaultsProcessor.Output out = registration.process(new AgreementRef(deal.id(), agreement.id()));
                out.eventsOfDefault().forEach((id, findings) ->
                        eventsOfDefault.computeIfAbsent(id, k -> new ArrayList<>()).addAll(findings));
                registrations.add(out);
            }
        }
        Map<String, List<Finding>> registrationEventsOfDefault = new HashMap<>();
        eventsOfDefault.forEach((id, findings) -> registrationEventsOfDefault.put(id, List.copyOf(findings)));
        InterestLedgerProcessor ledgers = new InterestLedgerProcessor(intake, deals, from, to,
                id -> registrationEventsOfDefault.getOrDefault(id, List.of()));
        // the Market Prices of the range, worked out above, serve the Mandatory Redemption Prices of deals
        // reading them the same way (deals on one symbol agree on this: checked when deal files load)
        Map<LocalDate, MarketPrice> marketByDay = new HashMap<>();
        marketPrices.report().marketPrices().forEach(p -> marketByDay.put(p.asOf(), p));
        DealTerms first = onSymbol.get(0);
        List<InterestLedgerProcessor.Output> interest = new ArrayList<>();
        for (DealTerms deal : onSymbol) {
            boolean sameReading = deal.marketPriceTradingDays() == first.marketPriceTradingDays()
                    && deal.switches().pricesSplitAdjusted() == first.switches().pricesSplitAdjusted();
            for (Instrument instrument : deal.instruments()) {
                InterestLedgerProcessor.Output out = ledgers.process(new InstrumentRef(deal.id(), instrument.id()),
                        prices, sameReading ? marketByDay::get : day -> null);
                // 5(c)(vi) needs the Events of Default and the events that would become one with time (SPEC §5 v2)
                out.findings().stream().filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT
                        || InterestFindings.PENDING_EVENT_OF_DEFAULT.contains(f.code())).forEach(f ->
                        eventsOfDefault.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f));
                interest.add(out);
            }
        }
        InstrumentConversionProcessor conversions = new InstrumentConversionProcessor(intake,
                id -> eventsOfDefault.getOrDefault(id, List.of()), deals, to);
        List<VwapObservation> vwaps = List.copyOf(prices.vwaps().values());
        List<InstrumentConversionProcessor.Output> conversion = new ArrayList<>();
        Map<String, List<Deadline>> deadlines = new LinkedHashMap<>();
        UpcomingDeadlines upcoming = new UpcomingDeadlines(BusinessDays.newYork());
        int next = 0; // the interest outputs are in the same order: deal by deal, instrument by instrument
        for (DealTerms deal : onSymbol) {
            List<UpcomingDeadlines.InstrumentState> instruments = new ArrayList<>();
            for (Instrument instrument : deal.instruments()) {
                InstrumentConversionProcessor.Output out = conversions.process(new InstrumentRef(deal.id(), instrument.id()), vwaps);
                InterestLedgerProcessor.Output ledger = interest.get(next++);
                instruments.add(new UpcomingDeadlines.InstrumentState(instrument, ledger.ledger(),
                        ledger.conversions().deliveries(), out.readiness()));
                conversion.add(out);
            }
            List<UpcomingDeadlines.AgreementState> agreements = registrations.stream()
                    .filter(r -> r.deal().id().equals(deal.id()))
                    .map(r -> new UpcomingDeadlines.AgreementState(r.agreement(), r.timeline(), r.defaults())).toList();
            deadlines.put(deal.id(), upcoming.of(deal, agreements, instruments, to, horizonDays));
        }
        return new Output(marketPrices, registrations, registrationEventsOfDefault, interest, conversion, deadlines);
    }
}
