package org.debentures.compliance.rules.redemption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.EventsOfDefault;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.rules.covenants.ListingAndControl;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: the Mandatory Redemption of Debenture 6(a)-(c) (SPEC §14) of every instrument with a
 * {@code REDEMPTION_NOTICE}, from the Events of Default of every step before it (waived, and 6(d)(vii) included)
 * ({@link MandatoryRedemption}). Its ledger effects (P and I leave the ledger from R) are taken into the interest
 * ledger by {@link org.debentures.compliance.rules.RuleBook}, which runs the symbol's steps again with them.
 */
public final class MandatoryRedemptionStep implements BusinessStep {

    /** The instrument's rows the notices read. */
    public static final List<EventType> EVENTS = List.of(EventType.REDEMPTION_NOTICE, EventType.REDEMPTION_PAID,
            EventType.REDEMPTION_RESCINDED);

    @Override
    public String name() {
        return "mandatory redemption";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        BusinessDays businessDays = BusinessDays.newYork();
        List<FilingEvent> symbolEvents = facts.events(facts.symbol(), List.of(EventType.MAJOR_ANNOUNCEMENT,
                EventType.TRANSACTION_CONSUMMATED, EventType.TRANSACTION_ABANDONED));
        for (DealTerms deal : facts.deals()) {
            var marketPrice = MarketPriceStep.asOf(facts, deal, results.market());
            for (Instrument instrument : deal.instruments()) {
                List<FilingEvent> events = facts.events(instrument.id(), EVENTS);
                if (events.isEmpty()) {
                    continue;
                }
                PrincipalOutstanding principal = facts.principal(instrument, businessDays);
                Map<LocalDate, BigDecimal> accrued = new HashMap<>();
                for (InterestAccrualDay day : results.interest(instrument.id()).ledger().days()) {
                    accrued.put(day.date(), day.accruedUnpaidInterest());
                }
                ConversionPriceHistory prices = results.conversionPrices(instrument.id());
                List<Finding> eventsOfDefault = results.eventsOfDefault().of(instrument.id());
                List<EventsOfDefault.Cause> causes = results.eventsOfDefault().causes(instrument.id());
                MandatoryRedemption.Inputs in = new MandatoryRedemption.Inputs(deal, instrument, principal, events,
                        eventsOfDefault, day -> waiverEnded(causes, day),
                        consummations(symbolEvents, eventsOfDefault, facts.to()), accrued::get, prices::priceOn,
                        marketPrice);
                results.addMandatoryRedemption(instrument.id(), new MandatoryRedemption(businessDays).evaluate(in, facts.to()));
            }
        }
    }

    /** A run of Events of Default ends on {@code day} because of a waiver: every cause holding that day was cut by one. */
    static boolean waiverEnded(List<EventsOfDefault.Cause> causes, LocalDate day) {
        List<EventsOfDefault.Cause> holding = causes.stream().filter(c -> c.on(day)).toList();
        return !holding.isEmpty() && holding.stream().allMatch(c -> day.plusDays(1).equals(c.waivedFrom()));
    }

    /** The consummation days of Changes of Control whose 6(d)(ii) run of the instrument reached them. */
    static List<LocalDate> consummations(List<FilingEvent> symbolEvents, List<Finding> eventsOfDefault, LocalDate asOf) {
        List<LocalDate> days = new ArrayList<>();
        for (FilingEvent e : symbolEvents) {
            if (e.type() == EventType.MAJOR_ANNOUNCEMENT && "CHANGE_OF_CONTROL".equals(e.document()) && !e.date().isAfter(asOf)) {
                FilingEvent outcome = ListingAndControl.transaction(symbolEvents, e);
                if (outcome != null && outcome.type() == EventType.TRANSACTION_CONSUMMATED && !outcome.date().isAfter(asOf)
                        && eventsOfDefault.stream().anyMatch(f -> f.clause().equals(ListingAndControl.CONTROL_CLAUSE)
                        && !outcome.date().isBefore(f.startDate())
                        && (f.endDate() == null || !outcome.date().isAfter(f.endDate())))) {
                    days.add(outcome.date());
                }
            }
        }
        return days;
    }
}
