package org.debentures.compliance.rules.waivers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.covenants.CrossDefault;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: Debenture 8(c) waivers (SPEC §13) of every amendment group on the symbol
 * ({@code amendment-group}, within its deal; default: the instrument alone), applied to the Events of Default of the
 * steps before it, cause by cause ({@link Waivers}). 6(d)(vii) comes after this step
 * ({@link org.debentures.compliance.rules.covenants.CrossDefaultStep}), from the waived Events of
 * Default, and is waived there by the same waivers.
 */
public final class WaiverStep implements BusinessStep {

    /** One amendment group's waivers and the {@code WAIVER_PENDING} runs of its signing instruments. */
    public record Result(String group, List<String> instrumentIds, List<Waiver> waivers, Map<String, List<Finding>> pending) {
    }

    @Override
    public String name() {
        return "waivers";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        BusinessDays businessDays = BusinessDays.newYork();
        LocalDate asOf = facts.to();
        // a group is a deal's: two deals on one symbol naming the same group are two groups
        Map<List<String>, List<Instrument>> groups = new LinkedHashMap<>();
        Map<List<String>, DealTerms> dealOf = new LinkedHashMap<>();
        for (DealTerms deal : facts.deals()) {
            for (Instrument instrument : deal.instruments()) {
                List<String> key = List.of(deal.id(), instrument.amendmentGroup());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(instrument);
                dealOf.putIfAbsent(key, deal);
            }
        }
        groups.forEach((key, instruments) -> {
            String group = key.get(1);
            Map<String, PrincipalOutstanding> principals = new LinkedHashMap<>();
            List<FilingEvent> rows = new ArrayList<>();
            for (Instrument instrument : instruments) {
                principals.put(instrument.id(), facts.principal(instrument, businessDays));
                rows.addAll(facts.events(instrument.id(), List.of(EventType.WAIVER)));
            }
            rows.sort(Comparator.comparing(FilingEvent::date)); // stable: each instrument's rows stay in read order
            BigDecimal share = dealOf.get(key).amendmentConsentShare();
            List<Waiver> waivers = Waivers.of(group, rows, principals, share, asOf);
            Map<String, List<Finding>> pending = new LinkedHashMap<>();
            for (Waiver waiver : waivers) {
                for (Waiver.Signature signature : waiver.signatures()) {
                    pending.computeIfAbsent(signature.instrumentId(), k -> new ArrayList<>())
                            .addAll(Waivers.pending(waiver, signature, principals, share, asOf));
                }
            }
            for (Instrument instrument : instruments) {
                results.eventsOfDefault().revise(instrument.id(),
                        c -> c.clause().equals(CrossDefault.CLAUSE) ? c : Waivers.apply(waivers, c));
            }
            results.addWaivers(new Result(group, instruments.stream().map(Instrument::id).toList(), waivers, pending));
        });
    }
}
