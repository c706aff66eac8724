package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.market.PriceGapFinder;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.registration.RegistrationStep;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: for every instrument of the deals on the symbol, as known on the run's last day, its
 * Conversion Price history (Debenture §4), the §5(c)(ii) VWAP test ({@link MandatoryConversionVwapTest},
 * SPEC §5), its exceptions ({@link VwapTestFindings}) and the §5(c) readiness
 * ({@link MandatoryConversionReadiness}), whose 5(c)(vi) reads every Event of Default the steps before
 * found, and the events that would become one.
 */
public final class ConversionStep implements BusinessStep {

    /**
     * The early-warning level of the rolling count ({@code VWAP_TEST_NEAR}, issue #3: 15 of 30), a reporting
     * choice of ours, not a contract term.
     */
    public static final int WARNING_COUNT = 15;

    /** Everything worked out for one instrument. */
    public record Result(DealTerms deal, Instrument instrument, ConversionPriceHistory history,
                         List<VwapTestDay> vwapTest, List<Finding> findings, Readiness readiness) {
    }

    @Override
    public String name() {
        return "conversion";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        var vwaps = List.copyOf(facts.prices().vwaps().values());
        // the session days without a VWAP row (SPEC §5 v2 window gaps) are the symbol's: found once for its instruments
        NavigableMap<LocalDate, VwapObservation> byDate = facts.prices().vwaps();
        NavigableSet<LocalDate> gaps = byDate.isEmpty() ? new TreeSet<>() : new PriceGapFinder(ExchangeSessions.nyse())
                .sessionDaysWithoutVwapRow(byDate.keySet(), facts.prices().halts(), byDate.firstKey(), byDate.lastKey());
        for (DealTerms deal : facts.deals()) {
            for (Instrument instrument : deal.instruments()) {
                ConversionPriceHistory history = ConversionPriceHistory.of(instrument, facts.prices().corporateActions());
                List<VwapTestDay> days = new MandatoryConversionVwapTest(deal.mandatoryConversion(),
                        deal.switches().vwapTestReading(), deal.switches().pricesSplitAdjusted())
                        .run(instrument, history, vwaps, gaps, facts.to());
                List<Finding> findings = VwapTestFindings.of(instrument, deal.mandatoryConversion(), days, WARNING_COUNT,
                        facts.to());
                RegistrationTimeline registration = RegistrationTimeline.of(instrument.registrationAgreementId(),
                        facts.events(instrument.registrationAgreementId(), RegistrationStep.REGISTRATION_EVENTS));
                Readiness readiness = new MandatoryConversionReadiness(BusinessDays.newYork(), ExchangeSessions.nyse())
                        .evaluate(new MandatoryConversionReadiness.Inputs(deal, instrument, days, registration,
                                facts.prices().halts(), results.eventsOfDefault().withPending(instrument.id()), true),
                                facts.to());
                results.addConversion(new Result(deal, instrument, history, days, findings, readiness));
            }
        }
        // Debenture 4(d): the symbol's distributions and their notices, under the strictest notice period of its deals
        int noticeDays = facts.deals().stream().mapToInt(DealTerms::distributionNoticeBusinessDays).max().orElse(10);
        results.setDistributionFindings(new DistributionNotices(BusinessDays.newYork()).late(facts.symbol(),
                facts.events(facts.symbol(), List.of(org.debentures.compliance.events.EventType.DISTRIBUTION,
                        org.debentures.compliance.events.EventType.DISTRIBUTION_NOTICE)), noticeDays, facts.to()));
    }
}
