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

    /**
     * These facts with each Mandatory Redemption's ledger effect as rows of its instrument (SPEC §14): a
     * {@code PRINCIPAL_REPAID} of P and an {@code INTEREST_PAID} of I on the Mandatory Redemption Date, after the day's
     * own rows. The log holds no such rows for a redemption (SPEC §14).
     */
    public SymbolFacts withRedemptions(List<org.debentures.compliance.rules.redemption.MandatoryRedemption.Effect> effects) {
        Map<String, List<FilingEvent>> events = new java.util.HashMap<>(eventsBySubject);
        for (var e : effects) {
            List<FilingEvent> rows = new java.util.ArrayList<>(events.getOrDefault(e.instrumentId(), List.of()));
            String note = "Mandatory Redemption (SPEC §14), not a logged row";
            rows.add(new FilingEvent(e.redemptionDate(), EventType.PRINCIPAL_REPAID, e.instrumentId(), e.principal(), null,
                    null, null, null, note));
            if (e.interest().signum() > 0) {
                rows.add(new FilingEvent(e.redemptionDate(), EventType.INTEREST_PAID, e.instrumentId(), e.interest(), null,
                        null, null, null, note));
            }
            rows.sort(java.util.Comparator.comparing(FilingEvent::date)); // stable: the log's rows of a day first
            events.put(e.instrumentId(), rows);
        }
        return new SymbolFacts(symbol, deals, symbolStart, from, to, horizonDays, prices, events, restatements);
    }

    /** The filings-log types that change an instrument's unpaid principal. */
    public static final List<EventType> PRINCIPAL_EVENTS = List.of(EventType.CONVERSION, EventType.PRINCIPAL_REPAID);

    /** The instrument's unpaid principal day by day, from its {@code CONVERSION} and {@code PRINCIPAL_REPAID} rows. */
    public org.debentures.compliance.principal.PrincipalOutstanding principal(
            org.debentures.compliance.terms.Instrument instrument, org.debentures.compliance.calendar.BusinessDays businessDays) {
        return new org.debentures.compliance.principal.PrincipalOutstanding(instrument,
                events(instrument.id(), PRINCIPAL_EVENTS), businessDays);
    }

    /** The rows of the given types about {@code subject} (an instrument, agreement or the symbol), in date then read order. */
    public List<FilingEvent> events(String subject, Collection<EventType> types) {
        return eventsBySubject.getOrDefault(subject, List.of()).stream().filter(e -> types.contains(e.type())).toList();
    }
}
