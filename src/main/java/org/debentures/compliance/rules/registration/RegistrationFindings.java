package org.debentures.compliance.rules.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.AllowedDelayLimits;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.RegistrationAgreement;

/**
 * The exceptions of SPEC §6 as runs of days (SPEC §10):
 * <ul>
 *   <li>per agreement, one code per default reason: {@code FILING_LATE}, {@code EFFECTIVENESS_LATE},
 *       {@code SALES_UNAVAILABLE}, {@code ALLOWED_DELAY_EXCEEDED}, {@code COVERAGE_AMENDMENT_LATE};</li>
 *   <li>per instrument under the agreement, {@code EVENT_OF_DEFAULT} with clause Debenture 6(d)(iii):
 *       the Registration Statement not effective by the 180th day after the Issue Date (the deadline
 *       convention applied), from the next day until the day before it is effective; or, after
 *       effectiveness, unavailable outside an Allowed Delay (a suspension day or an Allowed Delay
 *       day beyond the RRA 4(f) limits); only while principal is outstanding.</li>
 * </ul>
 */
public final class RegistrationFindings {

    public static final String EVENT_OF_DEFAULT_CLAUSE = "6(d)(iii)";

    private RegistrationFindings() {
    }

    /** The agreement's default-reason runs known as of {@code asOf}. */
    public static List<Finding> defaultRuns(RegistrationAgreement agreement, RegistrationDefaults.Result result,
                                            LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (DefaultReason reason : DefaultReason.values()) {
            List<LocalDate> days = result.days().stream().filter(d -> d.reasons().contains(reason))
                    .map(RegistrationDefaultDay::date).toList();
            for (ConditionRuns.Run run : ConditionRuns.runs(days, asOf)) {
                long count = run.last().toEpochDay() - run.first().toEpochDay() + 1;
                findings.add(new Finding(reason.exceptionCode(), agreement.id(), reason.clause(), run.first(),
                        run.open() ? null : run.last(), describe(reason, result, run, agreement.allowedDelay()) + ": " + count + " default day(s)"
                        + (run.open() ? " so far, still continuing on " + asOf : " (" + run.first() + " .. " + run.last() + ")")));
            }
        }
        return findings;
    }

    private static String describe(DefaultReason reason, RegistrationDefaults.Result result, ConditionRuns.Run run,
                                   AllowedDelayLimits limits) {
        return switch (reason) {
            case FILING_LATE -> "Registration Statement not filed by the Filing Deadline " + result.deadlines().filingDeadline();
            case EFFECTIVENESS_LATE -> "Registration Statement not effective by the Registration Deadline "
                    + result.deadlines().registrationDeadline();
            case SALES_SUSPENDED -> "sales under the Registration Statement suspended (not an Allowed Delay)";
            case ALLOWED_DELAY_EXCEEDED -> "Allowed Delay beyond the RRA 4(f) limits ("
                    + limits.maxConsecutiveBusinessDays() + " consecutive Business Days, " + limits.maxDaysPerWindow()
                    + " days in " + limits.windowMonths() + " months)";
            case COVERAGE_LATE -> result.coverageEpisodes().stream()
                    .filter(e -> e.cureDeadline().isBefore(run.first()))
                    .reduce((a, b) -> b)
                    .map(e -> "coverage amendment not filed by " + e.cureDeadline() + " after the Holder notice of "
                            + e.notice())
                    .orElse("coverage amendment late");
        };
    }

    /**
     * Debenture 6(d)(iii) for one instrument under the agreement.
     *
     * @param firstEffective the day the Registration Statement was first effective, if it was by {@code asOf}
     */
    public static List<Finding> eventsOfDefault(DealTerms deal, PrincipalOutstanding debenture,
                                                RegistrationDefaults.Result result, Optional<LocalDate> firstEffective,
                                                BusinessDays businessDays, LocalDate asOf) {
        return eventsOfDefault(deal, debenture, result, firstEffective, businessDays, asOf, null);
    }

    /**
     * As above, for an instrument whose 6(d)(iii) covers an agreement that is not its own (SPEC §16:
     * {@code registration-default-agreements}), named in the message; {@code otherAgreement} null for its own.
     */
    public static List<Finding> eventsOfDefault(DealTerms deal, PrincipalOutstanding debenture,
                                                RegistrationDefaults.Result result, Optional<LocalDate> firstEffective,
                                                BusinessDays businessDays, LocalDate asOf, String otherAgreement) {
        LocalDate deadline = businessDays.adjustDeadline(
                debenture.instrument().issueDate().plusDays(deal.eventOfDefault().effectivenessDeadlineDays()),
                deal.switches().deadlineConvention());
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate notEffectiveUntil = firstEffective.map(d -> d.minusDays(1)).orElse(asOf);
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(notEffectiveUntil) && !d.isAfter(asOf); d = d.plusDays(1)) {
            days.add(d);
        }
        result.days().stream()
                .filter(d -> d.reasons().contains(DefaultReason.SALES_SUSPENDED)
                        || d.reasons().contains(DefaultReason.ALLOWED_DELAY_EXCEEDED))
                .forEach(d -> days.add(d.date()));
        days.removeIf(d -> debenture.on(d).signum() <= 0);
        List<Finding> findings = new ArrayList<>();
        for (ConditionRuns.Run run : ConditionRuns.runs(days, asOf)) {
            boolean beforeEffective = firstEffective.map(run.first()::isBefore).orElse(true);
            String what = beforeEffective
                    ? "Registration Statement not effective by " + deadline + " (the "
                    + deal.eventOfDefault().effectivenessDeadlineDays() + "th day after the Issue Date)"
                    : "Registration Statement unavailable after effectiveness outside an Allowed Delay";
            findings.add(new Finding(ExceptionCode.EVENT_OF_DEFAULT, debenture.instrument().id(), EVENT_OF_DEFAULT_CLAUSE,
                    run.first(), run.open() ? null : run.last(), "Event of Default 6(d)(iii): " + what + (otherAgreement == null ? "" : " (" + otherAgreement
                    + ", which its 6(d)(iii) covers)") + ", "
                    + run.first() + (run.open() ? " onwards" : " .. " + run.last())
                    + "; the Holder may require redemption at the Mandatory Redemption Price (6(b))"));
        }
        return findings;
    }
}
