package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.registration.LiquidatedDamages;
import org.debentures.compliance.registration.RegistrationDefaults;
import org.debentures.compliance.registration.RegistrationFindings;
import org.debentures.compliance.registration.RegistrationTimeline;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * For one registration rights agreement, as known on the run's last day: its default days (RRA
 * 2(d)), the liquidated damages of each Debenture under it, the Holders' balances, and the
 * exceptions (default reasons, Events of Default 6(d)(iii)). Loads the inputs and calls the domain.
 */
public class RegistrationDefaultsProcessor implements ItemProcessor<AgreementRef, RegistrationDefaultsProcessor.Output> {

    /** Everything to write for one agreement. */
    public record Output(DealTerms deal, RegistrationAgreement agreement, RegistrationTimeline timeline,
                         RegistrationDefaults.Result defaults,
                         List<Instrument> instruments, List<PenaltyAccrual> accruals,
                         Map<String, List<PenaltyStatement.Month>> balances, List<Finding> agreementFindings,
                         Map<String, List<Finding>> eventsOfDefault) {
    }

    static final List<EventType> REGISTRATION_EVENTS = List.of(EventType.REGISTRATION_FILED,
            EventType.REGISTRATION_EFFECTIVE, EventType.SALES_SUSPENDED, EventType.SALES_RESUMED,
            EventType.ALLOWED_DELAY_START, EventType.ALLOWED_DELAY_END, EventType.COVERAGE_NOTICE,
            EventType.REGISTRATION_AMENDED);

    private final IntakeTables intake;
    private final DealBook deals;
    private final LocalDate to;

    public RegistrationDefaultsProcessor(IntakeTables intake, DealBook deals, LocalDate to) {
        this.intake = intake;
        this.deals = deals;
        this.to = to;
    }

    @Override
    public Output process(AgreementRef ref) {
        DealTerms deal = deals.deal(ref.dealId());
        RegistrationAgreement agreement = deal.agreement(ref.agreementId()).orElseThrow();
        BusinessDays businessDays = BusinessDays.newYork();
        RegistrationTimeline timeline = RegistrationTimeline.of(agreement.id(),
                intake.events(agreement.id(), REGISTRATION_EVENTS, to));
        RegistrationDefaults.Result defaults = new RegistrationDefaults(businessDays)
                .compute(agreement, deal.closingDate(), deal.switches(), timeline, to);

        List<Instrument> instruments = deal.instruments().stream()
                .filter(i -> i.registrationAgreementId().equals(agreement.id())).toList();
        List<PrincipalOutstanding> debentures = new ArrayList<>();
        Map<String, List<Finding>> eventsOfDefault = new java.util.LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            PrincipalOutstanding principal = new PrincipalOutstanding(instrument, intake.events(instrument.id(),
                    List.of(EventType.CONVERSION, EventType.PRINCIPAL_REPAID), to), businessDays);
            debentures.add(principal);
            eventsOfDefault.put(instrument.id(), RegistrationFindings.eventsOfDefault(deal, principal, defaults,
                    timeline.firstEffective().filter(d -> !d.isAfter(to)), businessDays, to));
        }
        List<PenaltyAccrual> accruals = LiquidatedDamages.accrue(agreement, defaults.days(), debentures);
        Map<String, List<PenaltyStatement.Month>> balances = new java.util.LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            List<PenaltyStatement.Payment> payments = intake.events(instrument.id(), List.of(EventType.PENALTY_PAID), to)
                    .stream().map((FilingEvent e) -> new PenaltyStatement.Payment(e.date(), e.amount())).toList();
            balances.put(instrument.id(), PenaltyStatement.of(instrument.id(), instrument.holder(),
                    PenaltyKind.REGISTRATION_DEFAULT, accruals.stream()
                            .filter(a -> a.instrumentId().equals(instrument.id())).collect(Collectors.toList()), payments));
        }
        return new Output(deal, agreement, timeline, defaults, instruments, accruals, balances,
                RegistrationFindings.defaultRuns(agreement, defaults, to), eventsOfDefault);
    }
}
