package org.debentures.compliance.rules.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.terms.CoverageCure;
import org.debentures.compliance.terms.PenaltyPeriodCounting;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.Switches;

/**
 * RRA 2(d) Registration Default days of one agreement, as SPEC §6 words them. A calendar day D is a
 * default day when any of these holds (each reason kept, the day counted once):
 * <ul>
 *   <li>(A) filing late: D after the Filing Deadline and on or before the first
 *       {@code REGISTRATION_FILED} (the filing day counts), or no filing yet;</li>
 *   <li>(A) effectiveness late: D after the Registration Deadline and on or before the first
 *       {@code REGISTRATION_EFFECTIVE} (the effective day counts), or not effective yet;</li>
 *   <li>(B) unavailable: on or after first effectiveness, D inside a {@code SALES_SUSPENDED} interval,
 *       or an Allowed Delay day the RRA 4(f) limits do not cover ({@link AllowedDelayCoverage});</li>
 *   <li>(C) coverage amendment late: D after the 10th day following a {@code COVERAGE_NOTICE} (the
 *       deadline convention applied) and on or before the first {@code REGISTRATION_AMENDED} on or
 *       after the notice ({@code coverage-cure: FILED}), or the first {@code REGISTRATION_EFFECTIVE}
 *       on or after that amendment ({@code EFFECTIVE}); not cured yet: through the as-of date.</li>
 * </ul>
 * Each day gets its {@code day_index} ({@code CUMULATIVE}: since the agreement's first default
 * day; {@code PER_EPISODE}: within its run of consecutive default days) and the period rate: the
 * first-period rate for days 1-30, the later rate after (null when penalties are disabled).
 */
public final class RegistrationDefaults {

    /** The default days up to the as-of date, with the deadlines and Allowed Delay coverage behind them. */
    public record Result(RegistrationDeadlines deadlines, List<RegistrationDefaultDay> days,
                         AllowedDelayCoverage.Result allowedDelays, List<CoverageEpisode> coverageEpisodes) {
        public Result {
            days = List.copyOf(days);
            coverageEpisodes = List.copyOf(coverageEpisodes);
        }
    }

    /** One RRA 4(k) notice: its cure deadline and the cure, if any yet. */
    public record CoverageEpisode(LocalDate notice, LocalDate cureDeadline, Optional<LocalDate> cure) {
    }

    private final BusinessDays businessDays;

    public RegistrationDefaults(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    public Result compute(RegistrationAgreement agreement, LocalDate closingDate, Switches switches,
                          RegistrationTimeline timeline, LocalDate asOf) {
        return compute(agreement, closingDate, switches, timeline, asOf, timeline::firstAmendmentOnOrAfter);
    }

    /**
     * As {@link #compute(RegistrationAgreement, LocalDate, Switches, RegistrationTimeline, LocalDate)}, the (C) days
     * of a notice ending with the amendment {@code curingAmendment} finds on or after it (SPEC §16: the first one
     * covering 150% of the shares required on its date, {@link ShareCoverage#firstCuringAmendmentOnOrAfter}).
     */
    public Result compute(RegistrationAgreement agreement, LocalDate closingDate, Switches switches,
                          RegistrationTimeline timeline, LocalDate asOf,
                          java.util.function.Function<LocalDate, Optional<LocalDate>> curingAmendment) {
        RegistrationDeadlines deadlines = RegistrationDeadlines.of(agreement, closingDate,
                switches.deadlineConvention(), businessDays);
        NavigableMap<LocalDate, EnumSet<DefaultReason>> reasons = new TreeMap<>();

        LocalDate filed = timeline.firstFiling().filter(d -> !d.isAfter(asOf)).orElse(asOf);
        addDays(reasons, deadlines.filingDeadline().plusDays(1), filed, DefaultReason.FILING_LATE);

        Optional<LocalDate> effective = timeline.firstEffective().filter(d -> !d.isAfter(asOf));
        addDays(reasons, deadlines.registrationDeadline().plusDays(1), effective.orElse(asOf),
                DefaultReason.EFFECTIVENESS_LATE);

        AllowedDelayCoverage.Result delays = new AllowedDelayCoverage(agreement.allowedDelay(), businessDays)
                .cover(timeline.allowedDelays(), effective.orElse(null), asOf);
        if (effective.isPresent()) {
            for (DateInterval suspension : timeline.suspensions()) {
                LocalDate start = suspension.start().isBefore(effective.get()) ? effective.get() : suspension.start();
                LocalDate last = suspension.isOpen() || suspension.endExclusive().isAfter(asOf)
                        ? asOf : suspension.endExclusive().minusDays(1);
                addDays(reasons, start, last, DefaultReason.SALES_SUSPENDED);
            }
            delays.uncovered().forEach(day -> reasons.computeIfAbsent(day, k -> EnumSet.noneOf(DefaultReason.class))
                    .add(DefaultReason.ALLOWED_DELAY_EXCEEDED));
        }

        List<CoverageEpisode> episodes = new ArrayList<>();
        for (LocalDate notice : timeline.coverageNotices()) {
            if (notice.isAfter(asOf)) {
                continue;
            }
            LocalDate cureDeadline = businessDays.adjustDeadline(notice.plusDays(agreement.coverageCureDays()),
                    switches.deadlineConvention());
            Optional<LocalDate> cure = curingAmendment.apply(notice);
            if (cure.isPresent() && switches.coverageCure() == CoverageCure.EFFECTIVE) {
                cure = timeline.firstEffectiveOnOrAfter(cure.get());
            }
            cure = cure.filter(d -> !d.isAfter(asOf));
            episodes.add(new CoverageEpisode(notice, cureDeadline, cure));
            addDays(reasons, cureDeadline.plusDays(1), cure.orElse(asOf), DefaultReason.COVERAGE_LATE);
        }

        List<RegistrationDefaultDay> days = new ArrayList<>(reasons.size());
        int cumulative = 0;
        int episode = 0;
        LocalDate previous = null;
        for (Map.Entry<LocalDate, EnumSet<DefaultReason>> entry : reasons.entrySet()) {
            LocalDate day = entry.getKey();
            cumulative++;
            episode = previous != null && previous.plusDays(1).equals(day) ? episode + 1 : 1;
            previous = day;
            int index = switches.penaltyPeriodCounting() == PenaltyPeriodCounting.CUMULATIVE ? cumulative : episode;
            BigDecimal rate = !agreement.penaltyEnabled() ? null
                    : index <= agreement.periodDays() ? agreement.firstPeriodRate() : agreement.laterPeriodRate();
            days.add(new RegistrationDefaultDay(agreement.id(), day, entry.getValue(), index, rate));
        }
        return new Result(deadlines, days, delays, episodes);
    }

    private static void addDays(NavigableMap<LocalDate, EnumSet<DefaultReason>> reasons, LocalDate first,
                                LocalDate last, DefaultReason reason) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            reasons.computeIfAbsent(day, k -> EnumSet.noneOf(DefaultReason.class)).add(reason);
        }
    }
}
