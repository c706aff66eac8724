package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.conversion.ConversionPriceHistory;
import org.debentures.compliance.conversion.MandatoryConversionReadiness;
import org.debentures.compliance.conversion.MandatoryConversionVwapTest;
import org.debentures.compliance.conversion.Readiness;
import org.debentures.compliance.conversion.VwapTestDay;
import org.debentures.compliance.conversion.VwapTestFindings;
import org.debentures.compliance.events.EventIntervals;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.market.VwapObservation;
import org.debentures.compliance.registration.RegistrationTimeline;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * For one instrument, as known on the run's last day: its Conversion Price history (§4), the
 * §5(c)(ii) VWAP test, its exceptions and the §5(c) readiness. Loads the inputs and calls the
 * domain; no rule lives here.
 */
public class InstrumentConversionProcessor {

    /** Early warning level of the rolling count (issue #3: 15 of 30). */
    static final int WARNING_COUNT = 15;

    /** Everything to write for one instrument. */
    public record Output(DealTerms deal, Instrument instrument, ConversionPriceHistory history,
                         List<VwapTestDay> vwapTest, List<Finding> findings, Readiness readiness) {
    }

    private final IntakeTables intake;
    private final java.util.function.Function<String, List<Finding>> eventsOfDefault;
    private final DealBook deals;
    private final LocalDate to;

    /** @param eventsOfDefault the Events of Default known for an instrument id (from this run's rules) */
    public InstrumentConversionProcessor(IntakeTables intake, java.util.function.Function<String, List<Finding>> eventsOfDefault,
                                         DealBook deals, LocalDate to) {
        this.intake = intake;
        this.eventsOfDefault = eventsOfDefault;
        this.deals = deals;
        this.to = to;
    }

    /** @param vwaps the deal symbol's current VWAP rows as of {@code to} (zero-volume rows too), in date order */
    public Output process(InstrumentRef ref, List<VwapObservation> vwaps) {
        DealTerms deal = deals.deal(ref.dealId());
        Instrument instrument = deals.instrument(ref.instrumentId());
        ConversionPriceHistory history = InterestLedgerProcessor.priceHistory(intake, deal, instrument, to);
        var halts = EventIntervals.of(intake.events(deal.symbol(),
                List.of(EventType.TRADING_HALTED, EventType.TRADING_RESUMED), to), EventType.TRADING_HALTED);
        List<VwapTestDay> days = new MandatoryConversionVwapTest(deal.mandatoryConversion(),
                deal.switches().vwapTestReading(), deal.switches().pricesSplitAdjusted())
                .run(instrument, history, vwaps, ExchangeSessions.nyse(), halts, to);
        List<Finding> findings = VwapTestFindings.of(instrument, deal.mandatoryConversion(), days, WARNING_COUNT, to);

        List<FilingEvent> registrationEvents = intake.events(instrument.registrationAgreementId(), List.of(
                EventType.REGISTRATION_FILED, EventType.REGISTRATION_EFFECTIVE, EventType.SALES_SUSPENDED,
                EventType.SALES_RESUMED, EventType.ALLOWED_DELAY_START, EventType.ALLOWED_DELAY_END,
                EventType.COVERAGE_NOTICE, EventType.REGISTRATION_AMENDED), to);
        Readiness readiness = new MandatoryConversionReadiness(BusinessDays.newYork(), ExchangeSessions.nyse()).evaluate(
                new MandatoryConversionReadiness.Inputs(deal, instrument, days,
                        RegistrationTimeline.of(instrument.registrationAgreementId(), registrationEvents), halts,
                        // the Event of Default rules (6(d)(iii), 6(d)(v)) ran in the stages before: 5(c)(vi) is checked
                        eventsOfDefault.apply(instrument.id()), true), to);
        return new Output(deal, instrument, history, days, findings, readiness);
    }
}
