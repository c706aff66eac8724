package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.EventsOfDefault;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: the covenants and further Events of Default of SPEC §12, for every deal on the
 * symbol, after the registration and interest steps:
 * <ul>
 *   <li>the EBITDA covenant ({@link EbitdaCovenant}: 6(d)(ix), {@code EBITDA_NOT_REPORTED}, the certificate's
 *       {@code EBITDA_CERTIFICATE_LATE} and 6(d)(v)) and capex ({@link CapexCovenant}: 6(d)(x)), from the deal
 *       file's {@code covenants} ({@code NOT_CHECKED} without them, never a silent pass);</li>
 *   <li>listing 6(d)(i), Change of Control and Liquidation Event 6(d)(ii) ({@link ListingAndControl}).</li>
 * </ul>
 * The covenants bind every instrument of the deal on each day that ends with principal of it
 * outstanding. The Events of Default go to the symbol's {@link org.debentures.compliance.rules.EventsOfDefault}:
 * the Mandatory Redemption Prices and 5(c)(vi) read them like the others.
 *
 * <p>Each cause stays a cause ({@link EventsOfDefault#addCauses}): a waiver (8(c)) covers causes, and the
 * days of a clause become runs only when written. Cross-default comes later ({@link CrossDefaultStep}).
 */
public final class CovenantStep implements BusinessStep {

    /** The symbol's rows the covenants read. */
    public static final List<EventType> SYMBOL_EVENTS = List.of(EventType.EARNINGS_RELEASED, EventType.EBITDA_CERTIFICATE,
            EventType.EBITDA_OBJECTION, EventType.EBITDA_FINAL, EventType.CAPEX_AUDITED, EventType.REVENUE_AUDITED,
            EventType.DELISTED, EventType.LISTED, EventType.MAJOR_ANNOUNCEMENT, EventType.TRANSACTION_CONSUMMATED,
            EventType.TRANSACTION_ABANDONED, EventType.LIQUIDATION_EVENT);

    /**
     * One deal's covenants.
     *
     * @param checked false when the deal file has no {@code covenants} section: {@code NOT_CHECKED}
     * @param tests the {@code covenant_test} rows of the periods ending on or before the run's last day
     */
    public record Result(DealTerms deal, boolean checked, List<CovenantTest> tests) {
    }

    @Override
    public String name() {
        return "covenants";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        BusinessDays businessDays = BusinessDays.newYork();
        LocalDate asOf = facts.to();
        List<FilingEvent> symbolEvents = facts.events(facts.symbol(), SYMBOL_EVENTS);
        List<DefaultCause> marketCauses = ListingAndControl.causes(symbolEvents, asOf);
        List<Finding> symbolFindings = new ArrayList<>();
        List<DefaultCause> notReported = new ArrayList<>();
        List<DefaultCause> certificateLate = new ArrayList<>();
        List<Predicate<LocalDate>> anyOutstanding = new ArrayList<>();
        for (DealTerms deal : facts.deals()) {
            List<DefaultCause> causes = new ArrayList<>(marketCauses);
            List<CovenantTest> tests = new ArrayList<>();
            boolean checked = !deal.covenants().isEmpty();
            if (checked) {
                EbitdaCovenant.Result ebitda = new EbitdaCovenant(businessDays).evaluate(deal.id(), deal.covenants(),
                        symbolEvents, deal.eventOfDefault().interestGraceBusinessDays(), asOf);
                CapexCovenant.Result capex = CapexCovenant.evaluate(deal.id(), deal.covenants(), symbolEvents, asOf);
                tests.addAll(ebitda.tests());
                tests.addAll(capex.tests());
                causes.addAll(ebitda.eventsOfDefault());
                causes.addAll(ebitda.certificateDefaults());
                causes.addAll(capex.eventsOfDefault());
                notReported.addAll(ebitda.notReported());
                certificateLate.addAll(ebitda.certificateLate());
            }
            List<PrincipalOutstanding> dealPrincipals = new ArrayList<>();
            for (Instrument instrument : deal.instruments()) {
                PrincipalOutstanding principal = facts.principal(instrument, businessDays);
                dealPrincipals.add(principal);
                results.eventsOfDefault().addCauses(instrument.id(), bound(causes, instrument, principal, asOf));
            }
            if (checked) {
                anyOutstanding.add(d -> dealPrincipals.stream().anyMatch(p -> p.on(d).signum() > 0));
            }
            tests.sort(java.util.Comparator.comparing(CovenantTest::periodEnd).thenComparing(CovenantTest::clause)
                    .thenComparing(CovenantTest::months));
            results.addCovenants(new Result(deal, checked, tests));
        }
        Predicate<LocalDate> bound = d -> anyOutstanding.stream().anyMatch(p -> p.test(d));
        symbolFindings.addAll(CovenantFindings.runs(ExceptionCode.EBITDA_NOT_REPORTED, facts.symbol(), notReported, bound,
                asOf, ""));
        symbolFindings.addAll(CovenantFindings.runs(ExceptionCode.EBITDA_CERTIFICATE_LATE, facts.symbol(), certificateLate,
                bound, asOf, ""));
        results.setCovenantFindings(symbolFindings);
    }

    /**
     * The causes as the instrument's: each limited to the days that end with principal of it outstanding (from its
     * Issue Date to the day before it is paid or converted in full), as an {@link EventsOfDefault.Cause}.
     */
    static List<EventsOfDefault.Cause> bound(List<DefaultCause> causes, Instrument instrument, PrincipalOutstanding principal,
                                             LocalDate asOf) {
        LocalDate lastOutstanding = principal.paidInFullOn().map(d -> d.minusDays(1)).orElse(null);
        List<EventsOfDefault.Cause> bound = new ArrayList<>();
        for (DefaultCause c : causes) {
            LocalDate first = c.first().isBefore(instrument.issueDate()) ? instrument.issueDate() : c.first();
            LocalDate last = c.last();
            if (lastOutstanding != null && (last == null || last.isAfter(lastOutstanding))) {
                last = lastOutstanding;
            }
            if (first.isAfter(asOf) || (last != null && last.isBefore(first))) {
                continue;
            }
            bound.add(new EventsOfDefault.Cause(c.clause(), first, last, c.message(), c.periodEnd(), 0, 0, null,
                    c.began() == null ? c.first() : c.began()));
        }
        return bound;
    }
}
