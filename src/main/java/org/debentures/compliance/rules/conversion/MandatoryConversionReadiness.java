package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.rules.registration.AllowedDelayCoverage;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.terms.CoverageCure;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.MandatoryConversionForm;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.registration.ShareCoverage;
import org.debentures.compliance.money.MoneyFormat;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Debenture §5(b)-(c): each Mandatory Conversion Condition the job can check from its inputs, with
 * its state, the date it has been met since and its evidence, as of the run's last day; and the
 * earliest Mandatory Conversion Date if a notice went out on the next Business Day.
 * <ul>
 *   <li>(i) 18 months elapsed since the Issue Date (clamped to month end);</li>
 *   <li>(ii) the VWAP test ({@link MandatoryConversionVwapTest});</li>
 *   <li>(iii) share reservation: not checked (not in the inputs);</li>
 *   <li>(iv) the Registration Statement effective, available at all times since (Allowed Delays
 *       within the RRA 4(f) limits excepted) and covering the required shares (no RRA 4(k)
 *       coverage notice uncured);</li>
 *   <li>(v) no trading halt of more than three consecutive Business Days since the Issue Date
 *       (listing itself is not in the inputs);</li>
 *   <li>(vi) no Event of Default continuing: the {@code EVENT_OF_DEFAULT} exceptions known to the job,
 *       when its Event of Default rules are active (otherwise not checked); <b>v2</b> (SPEC §5) nor "an
 *       event that with the passage of time or giving of notice, or both, would constitute an Event of
 *       Default": on the as-of date an interest due, a default-interest month or principal unpaid
 *       after its due date (deadline convention applied), or a running Conversion Default (the
 *       {@code InterestFindings.PENDING_EVENT_OF_DEFAULT} codes), given in {@code eventsOfDefault} too;</li>
 *   <li>(vii) the 3(f) ownership cap ({@link OwnershipCap}, SPEC §16): converting all unpaid principal, with the
 *       Holder's {@code HOLDER_POSITION}, within the cap; not checked without a position or share count.</li>
 * </ul>
 * <b>v2</b> (SPEC §5, §16): (iv) also needs the registered shares to cover 100% of the required shares on the
 * as-of date ({@link ShareCoverage}; not checked without the agreement's coverage terms and warrant shares), and
 * (v) fails while the Common Stock is delisted ({@code DELISTED} to the next {@code LISTED}).
 *
 * <p>Under the {@code INFINEON} form (SPEC §16) the conditions are that debenture's own: (i), (ii) as above;
 * (iii) shares reserved (not in the inputs) and their resale the subject of a registration statement effective on
 * the as-of date (no "at all times since" test); (iv) listing and halts (the Joint Investor (v)); (v) no Event of
 * Default (the Joint Investor (vi)); (vi) the Company has exercised mandatory conversion of the instruments of
 * {@code mandatory-conversion-requires} and met their conditions; (vii) the ownership cap.
 * 5(b): the notice goes out on a Business Day at least 20 Trading Days before the Mandatory
 * Conversion Date; the earliest such date is the 20th exchange session day after the notice day
 * (future Trading Days projected with the NYSE calendar).
 */
public final class MandatoryConversionReadiness {

    private final BusinessDays businessDays;
    private final ExchangeSessions sessions;

    public MandatoryConversionReadiness(BusinessDays businessDays, ExchangeSessions sessions) {
        this.businessDays = businessDays;
        this.sessions = sessions;
    }

    /**
     * What the evaluation needs about one instrument, as known on the as-of date.
     *
     * @param eventsOfDefault the instrument's {@code EVENT_OF_DEFAULT} exceptions and those of the codes that would
     *                        become one with time (5(c)(vi))
     */
    public record Inputs(DealTerms deal, Instrument instrument, List<VwapTestDay> vwapTest,
                         RegistrationTimeline registration, List<DateInterval> halts,
                         List<Finding> eventsOfDefault, boolean eventOfDefaultRulesActive,
                         Optional<ShareCoverage> coverage, List<DateInterval> delistings, Ownership ownership,
                         Function<LocalDate, ConditionState> jointInvestorNotices) {

        /** Version-1 inputs: no share coverage, delisting, ownership or Joint Investor notices known. */
        public Inputs(DealTerms deal, Instrument instrument, List<VwapTestDay> vwapTest,
                      RegistrationTimeline registration, List<DateInterval> halts,
                      List<Finding> eventsOfDefault, boolean eventOfDefaultRulesActive) {
            this(deal, instrument, vwapTest, registration, halts, eventsOfDefault, eventOfDefaultRulesActive,
                    Optional.empty(), List.of(), null, null);
        }
    }

    /** What 5(c)(vii) reads: the cap with its positions and share counts, the unpaid principal, the prices. */
    public record Ownership(OwnershipCap cap, PrincipalOutstanding principal, ConversionPriceHistory prices) {
    }

    public Readiness evaluate(Inputs in, LocalDate asOf) {
        List<ConditionState> conditions = new ArrayList<>();
        boolean infineon = in.instrument().mandatoryConversionForm() == MandatoryConversionForm.INFINEON;
        conditions.add(monthsElapsed(in, asOf));
        conditions.add(vwapTest(in));
        if (infineon) {
            conditions.add(infineonRegistration(in, asOf));
            conditions.add(renumbered(halts(in, asOf), "5(c)(iv)"));
            conditions.add(renumbered(eventsOfDefault(in, asOf), "5(c)(v)"));
            conditions.add(jointInvestorNotices(in, asOf));
        } else {
            conditions.add(new ConditionState("5(c)(iii)", "shares authorized and reserved (Purchase Agreement 4.5)",
                    State.NOT_CHECKED, null, "not in the job's inputs"));
            conditions.add(registration(in, asOf));
            conditions.add(halts(in, asOf));
            conditions.add(eventsOfDefault(in, asOf));
        }
        conditions.add(ownership(in, asOf));
        LocalDate notice = businessDays.businessDaysAfter(asOf, 1);
        LocalDate conversion = notice;
        for (int i = 0; i < in.deal().mandatoryConversion().noticeTradingDays(); i++) {
            conversion = sessions.next(conversion);
        }
        boolean ready = conditions.stream().allMatch(c -> c.state() != State.NOT_MET);
        return new Readiness(in.instrument().id(), asOf, conditions, notice, conversion, ready);
    }

    private static ConditionState renumbered(ConditionState c, String id) {
        return new ConditionState(id, c.description(), c.state(), c.since(), c.evidence());
    }

    private ConditionState ownership(Inputs in, LocalDate asOf) {
        if (in.ownership() == null) {
            return new ConditionState("5(c)(vii)", "conversion within the 3(f) ownership cap", State.NOT_CHECKED,
                    null, "Holder's ownership is not in the job's inputs (cap " + in.instrument().ownershipCap() + ")");
        }
        return in.ownership().cap().condition("5(c)(vii)", in.ownership().principal(), in.ownership().prices(), asOf);
    }

    /** INFINEON (iii): shares reserved (not in the inputs) and their resale the subject of an effective registration statement. */
    private ConditionState infineonRegistration(Inputs in, LocalDate asOf) {
        String description = "shares authorized and reserved (Purchase Agreement 4.3) and their resale the subject of an"
                + " effective registration statement";
        Optional<LocalDate> effective = in.registration().firstEffective().filter(d -> !d.isAfter(asOf));
        if (effective.isEmpty()) {
            return new ConditionState("5(c)(iii)", description, State.NOT_MET, null,
                    in.registration().agreementId() + ": no registration statement effective as of " + asOf);
        }
        return new ConditionState("5(c)(iii)", description, State.NOT_CHECKED, null, in.registration().agreementId()
                + ": registration statement effective since " + effective.get() + " (checked); the reservation of shares is"
                + " not in the job's inputs: a person must confirm it");
    }

    /** INFINEON (vi): the Joint Investor Debentures' Mandatory Conversion exercised and their conditions met. */
    private ConditionState jointInvestorNotices(Inputs in, LocalDate asOf) {
        if (in.jointInvestorNotices() == null || in.instrument().mandatoryConversionRequires().isEmpty()) {
            return new ConditionState("5(c)(vi)", "mandatory conversion of the Joint Investor Debentures exercised and"
                    + " their conditions met", State.NOT_CHECKED, null, "mandatory-conversion-requires not given");
        }
        return in.jointInvestorNotices().apply(asOf);
    }

    private ConditionState monthsElapsed(Inputs in, LocalDate asOf) {
        int months = in.deal().mandatoryConversion().minMonths();
        LocalDate date = in.instrument().issueDate().plusMonths(months);
        boolean met = !asOf.isBefore(date);
        return new ConditionState("5(c)(i)", months + " months elapsed since the Issue Date", met ? State.MET : State.NOT_MET,
                met ? date : null, "Issue Date " + in.instrument().issueDate() + " + " + months + " months = " + date);
    }

    private ConditionState vwapTest(Inputs in) {
        var terms = in.deal().mandatoryConversion();
        String description = "VWAP at least the threshold on " + terms.requiredTradingDays() + " of "
                + terms.windowTradingDays() + " consecutive Trading Days after the " + terms.observationMonths()
                + "-month anniversary (" + in.deal().switches().vwapTestReading() + ")";
        Optional<VwapTestDay> firstMet = in.vwapTest().stream().filter(VwapTestDay::met).findFirst();
        if (firstMet.isPresent()) {
            VwapTestDay day = firstMet.get(); // SPEC §5 v2: a window spanning a data gap says so, as VWAP_TEST_MET does
            return new ConditionState("5(c)(ii)", description, State.MET, day.tradeDate(), "met on " + day.tradeDate()
                    + ": " + day.windowCount() + " of " + terms.windowTradingDays() + " Trading Days "
                    + day.windowStart() + " .. " + day.tradeDate() + " at or above the threshold (" + day.threshold()
                    + " on " + day.tradeDate() + ")" + VwapTestFindings.windowGapNote(day));
        }
        Optional<VwapTestDay> latest = in.vwapTest().stream().reduce((a, b) -> b);
        String evidence = latest.map(d -> d.windowCount() == null
                ? "only " + in.vwapTest().size() + " counted Trading Day(s) so far; the first window closes on the "
                + terms.windowTradingDays() + "th"
                : "latest window " + d.windowStart() + " .. " + d.tradeDate() + ": " + d.windowCount() + " of "
                + terms.windowTradingDays() + " at or above the threshold (" + d.threshold() + ")")
                .orElse("no counted Trading Day yet (counting starts after "
                        + in.instrument().issueDate().plusMonths(terms.observationMonths()) + ")");
        return new ConditionState("5(c)(ii)", description, State.NOT_MET, null, evidence);
    }

    private ConditionState registration(Inputs in, LocalDate asOf) {
        String description = "Registration Statement effective, available since effectiveness (Allowed Delays"
                + " excepted) and covering the required shares";
        RegistrationTimeline timeline = in.registration();
        Optional<LocalDate> effective = timeline.firstEffective();
        if (effective.isEmpty()) {
            return new ConditionState("5(c)(iv)", description, State.NOT_MET, null,
                    timeline.agreementId() + ": not declared effective as of " + asOf);
        }
        RegistrationAgreement agreement = in.deal().agreement(timeline.agreementId()).orElseThrow();
        TreeSet<LocalDate> unavailable = new TreeSet<>();
        for (DateInterval suspension : timeline.suspensions()) {
            for (LocalDate d = suspension.start(); suspensionContains(suspension, d, asOf); d = d.plusDays(1)) {
                if (!d.isBefore(effective.get())) {
                    unavailable.add(d);
                }
            }
        }
        AllowedDelayCoverage.Result delays = new AllowedDelayCoverage(agreement.allowedDelay(), businessDays)
                .cover(timeline.allowedDelays(), effective.get(), asOf);
        unavailable.addAll(delays.uncovered());
        List<String> problems = new ArrayList<>();
        if (!unavailable.isEmpty()) {
            problems.add("sales could not be made outside an Allowed Delay on " + unavailable.size() + " day(s): "
                    + ConditionRuns.runs(unavailable, asOf).stream()
                    .map(r -> r.first().equals(r.last()) ? r.first().toString() : r.first() + " .. " + r.last())
                    .collect(Collectors.joining(", ")));
        }
        for (LocalDate notice : timeline.coverageNotices()) {
            if (notice.isAfter(asOf)) {
                continue;
            }
            // SPEC §6 (C), §16: with coverage terms only an amendment covering the cure multiple cures, as in the default days
            Optional<LocalDate> cure = in.coverage().isPresent() ? in.coverage().get().firstCuringAmendmentOnOrAfter(notice)
                    : timeline.firstAmendmentOnOrAfter(notice);
            if (cure.isPresent() && in.deal().switches().coverageCure() == CoverageCure.EFFECTIVE) {
                cure = timeline.firstEffectiveOnOrAfter(cure.get());
            }
            if (cure.isEmpty() || cure.get().isAfter(asOf)) {
                problems.add("coverage notice of " + notice + " not cured (" + in.deal().switches().coverageCure() + ")");
            }
        }
        String base = timeline.agreementId() + ": effective since " + effective.get()
                + (delays.covered().isEmpty() ? "" : "; " + delays.covered().size() + " Allowed Delay day(s) within the RRA 4(f) limits");
        // SPEC §5 v2, §16: the registered shares cover 100% of the required shares on the as-of date
        String coverage = null;
        if (in.coverage().isPresent()) {
            long required = in.coverage().get().requiredOn(asOf);
            Long registered = in.coverage().get().registeredOn(asOf);
            String figures = MoneyFormat.count(registered == null ? 0 : registered) + " shares registered against "
                    + MoneyFormat.count(required) + " required on " + asOf;
            if (registered == null || registered < required) {
                problems.add(figures + ": below the required shares");
            } else {
                coverage = figures;
            }
        }
        if (!problems.isEmpty()) {
            return new ConditionState("5(c)(iv)", description, State.NOT_MET, null, base + "; " + String.join("; ", problems));
        }
        if (coverage == null) {
            return new ConditionState("5(c)(iv)", description, State.NOT_CHECKED, null, base + "; share coverage not"
                    + " checked: the deal file gives no registration-coverage for " + timeline.agreementId()
                    + " or no warrant-shares for an instrument under it (SPEC §16)");
        }
        return new ConditionState("5(c)(iv)", description, State.MET, effective.get(), base + "; " + coverage
                + "; an Allowed Delay between a notice and the Mandatory Conversion Date would still defeat it");
    }

    private static boolean suspensionContains(DateInterval interval, LocalDate day, LocalDate asOf) {
        return !day.isAfter(asOf) && interval.contains(day);
    }

    private ConditionState halts(Inputs in, LocalDate asOf) {
        int max = in.deal().mandatoryConversion().maxHaltBusinessDays();
        String description = "trading not suspended for more than " + max + " consecutive Business Days since the Issue Date";
        List<String> described = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (DateInterval halt : in.halts()) {
            if (halt.start().isBefore(in.instrument().issueDate()) || halt.start().isAfter(asOf)) {
                continue;
            }
            int count = 0;
            for (LocalDate d = halt.start(); !d.isAfter(asOf) && halt.contains(d); d = d.plusDays(1)) {
                count += businessDays.isBusinessDay(d) ? 1 : 0;
            }
            String text = halt.start() + (halt.isOpen() ? " (still halted)" : " .. " + halt.endExclusive().minusDays(1))
                    + ": " + count + " Business Day(s)";
            described.add(text);
            if (count > max) {
                tooLong.add(text);
            }
        }
        String evidence = (described.isEmpty() ? "no trading halt in the filings log" : "halts: " + String.join("; ", described));
        // SPEC §5 v2: (v) fails from a DELISTED to the next LISTED
        Optional<DateInterval> delisted = in.delistings().stream()
                .filter(d -> !d.start().isAfter(asOf) && d.contains(asOf)).findFirst();
        if (delisted.isPresent()) {
            return new ConditionState("5(c)(v)", description, State.NOT_MET, null, evidence + "; not listed since "
                    + delisted.get().start() + " (DELISTED, Debenture 6(d)(i))");
        }
        evidence += in.delistings().isEmpty() ? "; no DELISTED in the filings log" : "; listed on " + asOf;
        return tooLong.isEmpty()
                ? new ConditionState("5(c)(v)", description, State.MET, in.instrument().issueDate(), evidence)
                : new ConditionState("5(c)(v)", description, State.NOT_MET, null, evidence);
    }

    private ConditionState eventsOfDefault(Inputs in, LocalDate asOf) {
        String description = "no Event of Default continuing, nor an event that with time would be one";
        if (!in.eventOfDefaultRulesActive()) {
            return new ConditionState("5(c)(vi)", description, State.NOT_CHECKED, null,
                    "the job does not compute Events of Default yet (SPEC §6 6(d)(iii), §7 6(d)(v))");
        }
        List<Finding> continuing = in.eventsOfDefault().stream()
                .filter(f -> !f.startDate().isAfter(asOf) && (f.endDate() == null || !f.endDate().isBefore(asOf)))
                .toList();
        if (continuing.isEmpty()) {
            return new ConditionState("5(c)(vi)", description, State.MET, null,
                    "no EVENT_OF_DEFAULT continuing on " + asOf + " among the exceptions the job computes"
                            + " (6(d)(i) listing, 6(d)(ii) Change of Control, 6(d)(iii) registration, 6(d)(v) payments,"
                            + " Conversion Shares and the EBITDA Certificate, 6(d)(vii) cross-default, 6(d)(ix) EBITDA,"
                            + " 6(d)(x) capex; waivers applied), and no payment or delivery overdue inside its grace"
                            + " period; other 6(d) events are not in the inputs");
        }
        // SPEC §5 v2: an obligation overdue inside its 6(d)(v) grace ("an event that with the passage of time ...
        // would constitute an Event of Default") defeats (vi) as an Event of Default does; the evidence names each
        return new ConditionState("5(c)(vi)", description, State.NOT_MET, null, continuing.stream()
                .map(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT
                        ? "Event of Default " + f.clause() + " since " + f.startDate()
                        : f.code() + " since " + f.startDate() + " (would become an Event of Default with time): " + f.message())
                .collect(Collectors.joining("; ")));
    }
}
