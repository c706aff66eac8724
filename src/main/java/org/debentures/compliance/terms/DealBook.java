package org.debentures.compliance.terms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every deal of one run, with the look-ups the input rules need (known instruments, agreements,
 * symbols). Immutable; the look-ups by id are indexed once (a portfolio has hundreds of deals and
 * every key of a run asks for its deal).
 */
public final class DealBook {

    private final List<DealTerms> deals;
    private final java.util.Map<String, DealTerms> byId = new java.util.HashMap<>();
    private final java.util.Map<String, DealTerms> byInstrument = new java.util.HashMap<>();
    private final java.util.Map<String, Instrument> instruments = new java.util.HashMap<>();
    private final java.util.Map<String, List<DealTerms>> bySymbol = new java.util.HashMap<>();

    public DealBook(List<DealTerms> deals) {
        this.deals = deals.stream().sorted(Comparator.comparing(DealTerms::id)).toList();
        for (DealTerms deal : this.deals) {
            byId.putIfAbsent(deal.id(), deal);
            bySymbol.computeIfAbsent(deal.symbol(), k -> new ArrayList<>()).add(deal);
            for (Instrument instrument : deal.instruments()) {
                byInstrument.putIfAbsent(instrument.id(), deal);
                instruments.putIfAbsent(instrument.id(), instrument);
            }
        }
    }

    /** The deals, by id. */
    public List<DealTerms> deals() {
        return deals;
    }

    public SortedSet<String> symbols() {
        TreeSet<String> symbols = new TreeSet<>();
        deals.forEach(deal -> symbols.add(deal.symbol()));
        return symbols;
    }

    public SortedSet<String> instrumentIds() {
        TreeSet<String> ids = new TreeSet<>();
        deals.forEach(deal -> deal.instruments().forEach(i -> ids.add(i.id())));
        return ids;
    }

    public SortedSet<String> agreementIds() {
        TreeSet<String> ids = new TreeSet<>();
        deals.forEach(deal -> deal.registrationAgreements().forEach(a -> ids.add(a.id())));
        return ids;
    }

    /** The deal with this id. */
    public DealTerms deal(String dealId) {
        DealTerms deal = byId.get(dealId);
        if (deal == null) {
            throw new IllegalArgumentException("no deal " + dealId);
        }
        return deal;
    }

    /** The deal an instrument belongs to. */
    public DealTerms dealOfInstrument(String instrumentId) {
        DealTerms deal = byInstrument.get(instrumentId);
        if (deal == null) {
            throw new IllegalArgumentException("no instrument " + instrumentId);
        }
        return deal;
    }

    /** The instrument with this id. */
    public Instrument instrument(String instrumentId) {
        dealOfInstrument(instrumentId);
        return instruments.get(instrumentId);
    }

    /** The deals whose stock is {@code symbol}. */
    public List<DealTerms> dealsOnSymbol(String symbol) {
        return new ArrayList<>(bySymbol.getOrDefault(symbol, List.of()));
    }

    /**
     * SPEC §10: the earliest Closing Date or Issue Date of the deals using {@code symbol}; market
     * prices are reported from this day.
     */
    public Optional<LocalDate> symbolStart(String symbol) {
        return dealsOnSymbol(symbol).stream().map(DealTerms::startDate).min(Comparator.naturalOrder());
    }

    /** The earliest start of any deal: the first day a first-ever run covers. */
    public Optional<LocalDate> earliestStart() {
        return deals.stream().map(DealTerms::startDate).min(Comparator.naturalOrder());
    }
}
