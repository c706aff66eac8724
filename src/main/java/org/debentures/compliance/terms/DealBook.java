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
