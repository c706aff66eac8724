package org.debentures.compliance.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.rules.market.PriceRestatement;
import org.debentures.compliance.rules.market.SymbolPrices;
import org.debentures.compliance.terms.DealTerms;

/**
 * Everything the rules of one symbol read, as known on the run's last day (SPEC §10 knowledge
 * cut-off: nothing dated after {@code to}): the deals on the symbol, its prices, corporate actions
 * and halts, the filings-log rows about the symbol, its agreements and its instruments, and the
 * vendor corrections of the range. The job loads it (one read per symbol); the business steps
 * only read it.
 *
 * @param symbolStart the earliest Closing or Issue Date of the deals on the symbol (SPEC §10 rows)
 * @param horizonDays how far after {@code to} upcoming deadlines are listed
 * @param eventsBySubject the accepted filings-log rows dated on or before {@code to}, by subject, in date then read order
 * @param restatements the symbol's vendor corrections of prices dated in {@code [from, to]}, in date then feed order
 */
public record SymbolFacts(String symbol, List<DealTerms> deals, LocalDate symbolStart, LocalDate from, LocalDate to,
                          int horizonDays, SymbolPrices prices, Map<String, List<FilingEvent>> eventsBySubject,
                          List<PriceRestatement> restatements) {

    public SymbolFacts {
        Objects.requireNonNull(symbol, "symbol");
        deals = List.copyOf(deals);
        if (deals.isEmpty()) {
            throw new IllegalArgumentException("no deal on symbol " + symbol);
        }
        Objects.requireNonNull(symbolStart, "symbolStart");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(prices, "prices");
        eventsBySubject = Map.copyOf(eventsBySubject);
        restatements = List.copyOf(restatements);
    }

    /** The rows of the given types about {@code subject} (an instrument, agreement or the symbol), in date then read order. */
    public List<FilingEvent> events(String subject, Collection<EventType> types) {
        return eventsBySubject.getOrDefault(subject, List.of()).stream().filter(e -> types.contains(e.type())).toList();
    }
}
