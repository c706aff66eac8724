package org.debentures.compliance.rules.deadlines;

import java.util.Comparator;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.rules.covenants.CovenantStep;

import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.interest.InterestStep;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: each deal's dated obligations in the days after the run's last day
 * ({@link UpcomingDeadlines}), from the registration, interest and conversion results of the steps
 * before, and the covenants' ({@link CovenantDeadlines}: certificates due, 6(d)(ix) grace ends).
 */
public final class DeadlinesStep implements BusinessStep {

    @Override
    public String name() {
        return "upcoming deadlines";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        UpcomingDeadlines upcoming = new UpcomingDeadlines(BusinessDays.newYork());
        CovenantDeadlines covenants = new CovenantDeadlines(BusinessDays.newYork());
        RedemptionDeadlines redemptions = new RedemptionDeadlines(BusinessDays.newYork());
        List<FilingEvent> symbolEvents = facts.events(facts.symbol(), CovenantStep.SYMBOL_EVENTS);
        for (DealTerms deal : facts.deals()) {
            List<UpcomingDeadlines.InstrumentState> instruments = new ArrayList<>();
            for (Instrument instrument : deal.instruments()) {
                InterestStep.Result interest = results.interest(instrument.id());
                instruments.add(new UpcomingDeadlines.InstrumentState(instrument, interest.ledger(),
                        interest.conversions().deliveries(), results.conversion(instrument.id()).readiness()));
            }
            List<UpcomingDeadlines.AgreementState> agreements = results.registrations().stream()
                    .filter(r -> r.deal().id().equals(deal.id()))
                    .map(r -> new UpcomingDeadlines.AgreementState(r.agreement(), r.timeline(), r.defaults())).toList();
            List<Deadline> deadlines = new ArrayList<>(upcoming.of(deal, agreements, instruments, facts.to(),
                    facts.horizonDays()));
            deadlines.addAll(covenants.of(deal, facts.symbol(), symbolEvents, facts.to(), facts.horizonDays()));
            for (Instrument instrument : deal.instruments()) {
                deadlines.addAll(redemptions.of(deal, instrument, results.eventsOfDefault().of(instrument.id()),
                        results.mandatoryRedemptions().get(instrument.id()), facts.to(), facts.horizonDays()));
            }
            deadlines.sort(Comparator.comparing(Deadline::dueDate).thenComparing(Deadline::subject));
            results.putDeadlines(deal.id(), deadlines);
        }
    }
}
