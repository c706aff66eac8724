package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.EventsOfDefault;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.waivers.WaiverStep;
import org.debentures.compliance.rules.waivers.Waivers;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: Debenture 6(d)(vii), cross-default (SPEC §12), after the waivers of the other
 * clauses: each instrument's 6(d)(vii) causes from the Events of Default of the instruments its deal
 * file names ({@link CrossDefault}; no chains), then the waivers of its own group with clause
 * 6(d)(vii) or empty applied to them. A waiver binds only its own group: the named instrument's
 * Event of Default stays until its own group waives it.
 *
 * <p>The named instruments are read among the deals on this symbol (the Joint Investor Debentures of
 * one issuer are); an instrument named that is not on the symbol is not read.
 */
public final class CrossDefaultStep implements BusinessStep {

    @Override
    public String name() {
        return "cross-default";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        BusinessDays businessDays = BusinessDays.newYork();
        LocalDate asOf = facts.to();
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (DealTerms deal : facts.deals()) {
            deal.instruments().forEach(i -> instruments.put(i.id(), i));
        }
        Map<String, List<EventsOfDefault.Cause>> found = new LinkedHashMap<>();
        for (Instrument instrument : instruments.values()) {
            if (instrument.crossDefault().isEmpty()) {
                continue;
            }
            List<Finding> own = results.eventsOfDefault().of(instrument.id());
            CrossDefault.OwnDefault ownDefault = (clause, day) -> own.stream().anyMatch(f -> f.clause().equals(clause)
                    && !day.isBefore(f.startDate()) && (f.endDate() == null || !day.isAfter(f.endDate())));
            List<DefaultCause> causes = new ArrayList<>();
            for (String named : instrument.crossDefault()) {
                if (instruments.containsKey(named)) {
                    causes.addAll(CrossDefault.causes(named, results.eventsOfDefault().of(named), ownDefault, asOf));
                }
            }
            PrincipalOutstanding principal = facts.principal(instrument, businessDays);
            found.put(instrument.id(), CovenantStep.bound(causes, instrument, principal, asOf));
        }
        // every instrument's causes come from the others' Events of Default before any 6(d)(vii): no chains
        found.forEach((id, causes) -> {
            results.eventsOfDefault().addCauses(id, causes);
            List<org.debentures.compliance.rules.waivers.Waiver> waivers = results.waivers().stream()
                    .filter(w -> w.instrumentIds().contains(id)).map(WaiverStep.Result::waivers)
                    .flatMap(List::stream).toList();
            results.eventsOfDefault().revise(id, c -> c.clause().equals(CrossDefault.CLAUSE) ? Waivers.apply(waivers, c) : c);
        });
    }
}
