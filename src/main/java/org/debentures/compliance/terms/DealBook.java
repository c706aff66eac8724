package org.debentures.compliance.terms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Every deal of one run, with the look-ups the input rules need (known instruments, agreements, symbols). */
public record DealBook(List<DealTerms> deals) {

    public DealBook {
        deals = deals.stream().sorted(Comparator.comparing(DealTerms::id)).toList();
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
        return deals.stream().filter(d -> d.id().equals(dealId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deal " + dealId));
    }

    /** The deal an instrument belongs to. */
    public DealTerms dealOfInstrument(String instrumentId) {
        return deals.stream().filter(d -> d.instruments().stream().anyMatch(i -> i.id().equals(instrumentId)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no instrument " + instrumentId));
    }

    /** The instrument with this id. */
    public Instrument instrument(String instrumentId) {
        return dealOfInstrument(instrumentId).instruments().stream().filter(i -> i.id().equals(instrumentId))
                .findFirst().orElseThrow();
    }

    /** The deals whose stock is {@code symbol}. */
    public List<DealTerms> dealsOnSymbol(String symbol) {
        List<DealTerms> result = new ArrayList<>();
        deals.forEach(deal -> {
            if (deal.symbol().equals(symbol)) {
                result.add(deal);
            }
        });
        return result;
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
