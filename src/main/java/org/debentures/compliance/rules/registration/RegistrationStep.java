package org.debentures.compliance.rules.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;

/**
 * Business step: for every registration rights agreement of the deals on the symbol, as known on the
 * run's last day, its Registration Default days (RRA 2(d), 4(f), 4(k); SPEC §6,
 * {@link RegistrationDefaults}), the liquidated damages of each Debenture under it
 * ({@link LiquidatedDamages}), the Holders' balances ({@code PENALTY_PAID} oldest month first), the
 * agreement's exceptions and each instrument's Events of Default 6(d)(iii) ({@link RegistrationFindings}),
 * which it adds to the Events of Default of the symbol.
 */
public final class RegistrationStep implements BusinessStep {

    /** Everything worked out for one agreement; {@code eventsOfDefault}: the 6(d)(iii) runs by instrument id. */
    public record Result(DealTerms deal, RegistrationAgreement agreement, RegistrationTimeline timeline,
                         RegistrationDefaults.Result defaults, List<Instrument> instruments, List<PenaltyAccrual> accruals,
                         Map<String, List<PenaltyStatement.Month>> balances, List<Finding> agreementFindings,
                         Map<String, List<Finding>> eventsOfDefault, Optional<ShareCoverage> coverage) {
    }

    /** The filings-log types of an agreement's registration timeline (SPEC §2). */
    public static final List<EventType> REGISTRATION_EVENTS = List.of(EventType.REGISTRATION_FILED,
            EventType.REGISTRATION_EFFECTIVE, EventType.SALES_SUSPENDED, EventType.SALES_RESUMED,
            EventType.ALLOWED_DELAY_START, EventType.ALLOWED_DELAY_END, EventType.COVERAGE_NOTICE,
            EventType.REGISTRATION_AMENDED);

    @Override
    public String name() {
        return "registration defaults";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        for (DealTerms deal : facts.deals()) {
            for (RegistrationAgreement agreement : deal.registrationAgreements()) {
                Result result = agreement(facts, deal, agreement, results);
                result.eventsOfDefault().forEach((id, found) ->
                        results.eventsOfDefault().add(id, found, java.util.Set.of()));
                results.addRegistration(result);
            }
        }
    }

    private static Result agreement(SymbolFacts facts, DealTerms deal, RegistrationAgreement agreement,
                                    SymbolResults results) {
        BusinessDays businessDays = BusinessDays.newYork();
        List<FilingEvent> events = facts.events(agreement.id(), REGISTRATION_EVENTS);
        RegistrationTimeline timeline = RegistrationTimeline.of(agreement.id(), events);
        List<Instrument> instruments = deal.instruments().stream()
                .filter(i -> i.registrationAgreementId().equals(agreement.id())).toList();
        Map<String, PrincipalOutstanding> principals = new LinkedHashMap<>();
        deal.instruments().forEach(i -> principals.put(i.id(), facts.principal(i, businessDays)));
        List<PrincipalOutstanding> debentures = instruments.stream().map(i -> principals.get(i.id())).toList();
        // SPEC §16: the share coverage (RRA 2(a), 4(k)) when the deal gives its terms; the (C) days then end only
        // with an amendment covering 150% of the shares required on its date
        Optional<ShareCoverage> coverage = ShareCoverage.of(agreement, debentures,
                instruments.stream().map(i -> results.conversionPrices(i.id())).toList(),
                instruments.stream().map(Instrument::warrantShares).toList(), events);
        RegistrationDefaults.Result defaults = new RegistrationDefaults(businessDays)
                .compute(agreement, deal.closingDate(), deal.switches(), timeline, facts.to(), coverage
                        .<java.util.function.Function<LocalDate, Optional<LocalDate>>>map(c -> c::firstCuringAmendmentOnOrAfter)
                        .orElse(timeline::firstAmendmentOnOrAfter));
        // SPEC §16: 6(d)(iii) of every instrument whose registration-default-agreements name this agreement (its own
        // agreement always; Infineon's also the Joint Investor RRA-2002), not only of the instruments under it
        Map<String, List<Finding>> eventsOfDefault = new LinkedHashMap<>();
        for (Instrument instrument : deal.instruments()) {
            if (!instrument.registrationDefaultAgreements().contains(agreement.id())) {
                continue;
            }
            eventsOfDefault.put(instrument.id(), RegistrationFindings.eventsOfDefault(deal, principals.get(instrument.id()), defaults,
                    timeline.firstEffective().filter(d -> !d.isAfter(facts.to())), businessDays, facts.to(),
                    instrument.registrationAgreementId().equals(agreement.id()) ? null : agreement.id()));
        }
        List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(agreement, defaults.days(), debentures);
        Map<String, List<PenaltyStatement.Month>> balances = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            List<PenaltyStatement.Payment> payments = facts.events(instrument.id(), List.of(EventType.PENALTY_PAID))
                    .stream().map(e -> new PenaltyStatement.Payment(e.date(), e.amount())).toList();
            balances.put(instrument.id(), PenaltyStatement.of(instrument.id(), instrument.holder(),
                    PenaltyKind.REGISTRATION_DEFAULT, accruals.stream()
                            .filter(a -> a.instrumentId().equals(instrument.id())).toList(), payments));
        }
        List<Finding> agreementFindings = new ArrayList<>(RegistrationFindings.defaultRuns(agreement, defaults, facts.to()));
        coverage.ifPresent(c -> agreementFindings.addAll(c.findings(deal.closingDate(), facts.to())));
        return new Result(deal, agreement, timeline, defaults, instruments, accruals, balances, agreementFindings,
                eventsOfDefault, coverage);
    }
}
