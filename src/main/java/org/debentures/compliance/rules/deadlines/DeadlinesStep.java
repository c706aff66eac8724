package org.debentures.compliance.rules.deadlines;

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
 * before.
 */
public final class DeadlinesStep implements BusinessStep {

    @Override
    public String name() {
        return "upcoming deadlines";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        UpcomingDeadlines upcoming = new UpcomingDeadlines(BusinessDays.newYork());
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
            results.putDeadlines(deal.id(), upcoming.of(deal, agreements, instruments, facts.to(), facts.horizonDays()));
        }
    }
}
