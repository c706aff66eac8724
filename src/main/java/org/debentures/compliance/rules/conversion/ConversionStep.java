package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.rules.covenants.ListingAndControl;
import org.debentures.compliance.rules.market.PriceGapFinder;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.rules.registration.RegistrationStep;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.rules.registration.ShareCoverage;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionForm;

/**
 * Business step: for every instrument of the deals on the symbol, as known on the run's last day, the §5(c)(ii)
 * VWAP test ({@link MandatoryConversionVwapTest}, SPEC §5), its exceptions ({@link VwapTestFindings}), the 3(f)
 * ownership cap of its conversions ({@link OwnershipCap}, SPEC §16), the §5(c) readiness under its own debenture's
 * conditions ({@link MandatoryConversionReadiness}), whose 5(c)(vi) reads every Event of Default the steps before
 * found, and the validity of its Mandatory Conversion Notices ({@link MandatoryConversionNotices}). The Conversion
 * Price history is {@link ConversionPriceStep}'s. An {@code INFINEON}-form instrument's (vi) reads the readiness and
 * notices of the instruments it names, worked out first.
 */
public final class ConversionStep implements BusinessStep {

    /**
     * The early-warning level of the rolling count ({@code VWAP_TEST_NEAR}, issue #3: 15 of 30), a reporting
     * choice of ours, not a contract term.
     */
    public static final int WARNING_COUNT = 15;

    /** Everything worked out for one instrument. */
    public record Result(DealTerms deal, Instrument instrument, ConversionPriceHistory history,
                         List<VwapTestDay> vwapTest, List<Finding> findings, Readiness readiness,
                         List<MandatoryConversionNotices.Notice> notices) {
    }

    /** The instrument's types this step reads besides the interest step's conversions. */
    static final List<EventType> EVENTS = List.of(EventType.HOLDER_POSITION, EventType.MANDATORY_CONVERSION_NOTICE);

    @Override
    public String name() {
        return "conversion";
    }

    /** One instrument's inputs to its readiness on any day up to the run's last. */
    private final class Context {
        final DealTerms deal;
        final Instrument instrument;
        final ConversionPriceHistory history;
        final List<VwapTestDay> days;
        final List<Finding> findings;
        final List<FilingEvent> registrationEvents;
        final List<FilingEvent> noticeRows;
        final MandatoryConversionReadiness.Inputs asOfTo;
        final Map<LocalDate, Readiness> cache = new HashMap<>();
        List<MandatoryConversionNotices.Notice> notices;

        Context(DealTerms deal, Instrument instrument, ConversionPriceHistory history, List<VwapTestDay> days,
                List<Finding> findings, List<FilingEvent> registrationEvents, List<FilingEvent> noticeRows,
                MandatoryConversionReadiness.Inputs asOfTo) {
            this.deal = deal;
            this.instrument = instrument;
            this.history = history;
            this.days = days;
            this.findings = findings;
            this.registrationEvents = registrationEvents;
            this.noticeRows = noticeRows;
            this.asOfTo = asOfTo;
        }
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        new Run().apply(facts, results);
    }

    /** One symbol's evaluation: the instruments' contexts, so that one instrument's 5(c)(vi) can read another's. */
    private final class Run {
        private final Map<String, Context> contexts = new LinkedHashMap<>();
        private final Set<String> evaluating = new HashSet<>();
        private final MandatoryConversionReadiness readiness =
                new MandatoryConversionReadiness(BusinessDays.newYork(), ExchangeSessions.nyse());
        private final MandatoryConversionNotices noticeRules =
                new MandatoryConversionNotices(BusinessDays.newYork(), ExchangeSessions.nyse());

        void apply(SymbolFacts facts, SymbolResults results) {
            var vwaps = List.copyOf(facts.prices().vwaps().values());
            // the session days without a VWAP row (SPEC §5 v2 window gaps) are the symbol's: found once for its instruments
            NavigableMap<LocalDate, VwapObservation> byDate = facts.prices().vwaps();
            NavigableSet<LocalDate> gaps = byDate.isEmpty() ? new TreeSet<>() : new PriceGapFinder(ExchangeSessions.nyse())
                    .sessionDaysWithoutVwapRow(byDate.keySet(), facts.prices().halts(), byDate.firstKey(), byDate.lastKey());
            SharesOutstanding outstanding = new SharesOutstanding(facts.events(facts.symbol(), ConversionPrices.EVENTS));
            List<DateInterval> delistings = ListingAndControl.delistings(
                    facts.events(facts.symbol(), List.of(EventType.DELISTED, EventType.LISTED)));
            BusinessDays businessDays = BusinessDays.newYork();
            for (DealTerms deal : facts.deals()) {
                for (Instrument instrument : deal.instruments()) {
                    ConversionPriceHistory history = results.conversionPrices(instrument.id());
                    List<VwapTestDay> days = new MandatoryConversionVwapTest(deal.mandatoryConversion(),
                            deal.switches().vwapTestReading(), deal.switches().pricesSplitAdjusted())
                            .run(instrument, history, vwaps, gaps, facts.to());
                    List<Finding> findings = new ArrayList<>(VwapTestFindings.of(instrument, deal.mandatoryConversion(), days,
                            WARNING_COUNT, facts.to()));
                    List<FilingEvent> instrumentEvents = facts.events(instrument.id(), EVENTS);
                    OwnershipCap cap = new OwnershipCap(instrument, outstanding, instrumentEvents);
                    findings.addAll(cap.exceeded(results.interest(instrument.id()).conversions().deliveries()));
                    String agreementId = instrument.registrationAgreementId();
                    List<FilingEvent> registrationEvents = facts.events(agreementId, RegistrationStep.REGISTRATION_EVENTS);
                    Optional<ShareCoverage> coverage = results.registrations().stream()
                            .filter(r -> r.agreement().id().equals(agreementId)).findFirst()
                            .flatMap(RegistrationStep.Result::coverage);
                    var inputs = new MandatoryConversionReadiness.Inputs(deal, instrument, days,
                            RegistrationTimeline.of(agreementId, registrationEvents), facts.prices().halts(),
                            results.eventsOfDefault().withPending(instrument.id()), true, coverage, delistings,
                            new MandatoryConversionReadiness.Ownership(cap, facts.principal(instrument, businessDays), history),
                            instrument.mandatoryConversionForm() == MandatoryConversionForm.INFINEON
                                    ? day -> jointInvestorNotices(instrument, day) : null);
                    contexts.put(instrument.id(), new Context(deal, instrument, history, days, findings, registrationEvents,
                            instrumentEvents.stream().filter(e -> e.type() == EventType.MANDATORY_CONVERSION_NOTICE).toList(),
                            inputs));
                }
            }
            // every context first: an INFINEON-form instrument's (vi) reads the others'
            for (Context c : contexts.values()) {
                List<MandatoryConversionNotices.Notice> notices = notices(c);
                c.findings.addAll(MandatoryConversionNotices.invalid(c.instrument.id(), notices));
                results.addConversion(new Result(c.deal, c.instrument, c.history, c.days, c.findings,
                        readinessOn(c, facts.to()), notices));
            }
            // Debenture 4(d): the symbol's distributions and their notices, under the strictest notice period of its deals
            int noticeDays = facts.deals().stream().mapToInt(DealTerms::distributionNoticeBusinessDays).max()
                    .orElse(DealTerms.DEFAULT_DISTRIBUTION_NOTICE_BUSINESS_DAYS);
            results.setDistributionFindings(new DistributionNotices(businessDays).late(facts.symbol(),
                    facts.events(facts.symbol(), List.of(EventType.DISTRIBUTION, EventType.DISTRIBUTION_NOTICE)), noticeDays,
                    facts.to()));
        }

        /** The instrument's readiness as of {@code day}: its inputs as known on the run's last day, cut at {@code day}. */
        private Readiness readinessOn(Context c, LocalDate day) {
            return c.cache.computeIfAbsent(day, d -> {
                var in = c.asOfTo;
                var cut = new MandatoryConversionReadiness.Inputs(in.deal(), in.instrument(),
                        c.days.stream().filter(v -> !v.tradeDate().isAfter(d)).toList(),
                        RegistrationTimeline.of(in.instrument().registrationAgreementId(),
                                c.registrationEvents.stream().filter(e -> !e.date().isAfter(d)).toList()),
                        in.halts(), in.eventsOfDefault(), in.eventOfDefaultRulesActive(), in.coverage(), in.delistings(),
                        in.ownership(), in.jointInvestorNotices());
                return readiness.evaluate(cut, d);
            });
        }

        private List<MandatoryConversionNotices.Notice> notices(Context c) {
            if (c.notices == null) {
                c.notices = noticeRules.evaluate(c.noticeRows, day -> readinessOn(c, day),
                        c.deal.mandatoryConversion().noticeTradingDays());
            }
            return c.notices;
        }

        /**
         * INFINEON 5(c)(vi) on {@code day}: each instrument of {@code mandatory-conversion-requires} has a valid Mandatory
         * Conversion Notice dated on or before {@code day} and none of its checkable conditions is NOT_MET on {@code day}.
         */
        private ConditionState jointInvestorNotices(Instrument instrument, LocalDate day) {
            String description = "the Company has exercised mandatory conversion of " + instrument.mandatoryConversionRequires()
                    + " and met their conditions";
            if (!evaluating.add(instrument.id())) {
                return new ConditionState("5(c)(vi)", description, State.NOT_CHECKED, null,
                        "the instruments' conditions depend on each other (mandatory-conversion-requires)");
            }
            try {
                List<String> unmet = new ArrayList<>();
                List<String> met = new ArrayList<>();
                for (String id : instrument.mandatoryConversionRequires()) {
                    Context other = contexts.get(id);
                    if (other == null) {
                        return new ConditionState("5(c)(vi)", description, State.NOT_CHECKED, null, id
                                + " is not an instrument on this symbol");
                    }
                    Optional<MandatoryConversionNotices.Notice> valid = notices(other).stream()
                            .filter(n -> n.valid() && !n.date().isAfter(day)).reduce((a, b) -> b);
                    List<String> failed = readinessOn(other, day).conditions().stream()
                            .filter(s -> s.state() == State.NOT_MET).map(ConditionState::condition).toList();
                    if (valid.isEmpty()) {
                        unmet.add(id + ": no valid Mandatory Conversion Notice dated on or before " + day);
                    } else if (!failed.isEmpty()) {
                        unmet.add(id + ": conditions " + failed + " not met on " + day);
                    } else {
                        met.add(id + ": notice of " + valid.get().date() + " for " + valid.get().row().effectiveDate()
                                + ", its checkable conditions met");
                    }
                }
                return unmet.isEmpty()
                        ? new ConditionState("5(c)(vi)", description, State.MET, null, String.join("; ", met))
                        : new ConditionState("5(c)(vi)", description, State.NOT_MET, null, String.join("; ", unmet));
            } finally {
                evaluating.remove(instrument.id());
            }
        }

    }
}
