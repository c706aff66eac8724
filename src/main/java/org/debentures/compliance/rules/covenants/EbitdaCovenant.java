package org.debentures.compliance.rules.covenants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.CovenantTerms;
import org.debentures.compliance.terms.EbitdaTarget;

/**
 * The EBITDA covenant of Debenture 6(e), 6(f) and its Events of Default (SPEC §12):
 * <ul>
 *   <li>each Target Period ending on or before the run's last day tested with each quarter's figure
 *       as of that day ({@code covenant_test}); a period below its target is an Event of Default
 *       6(d)(ix) from its {@code breach_date} (period end + {@code ebitda-grace-days}, never moved by
 *       the deadline convention), continuing, also when the figure was certified after that date;</li>
 *   <li>{@code EBITDA_NOT_REPORTED}: from the {@code breach_date} of a period, each day on which, as of
 *       that day, a quarter of it had no figure (a missing figure is not a breach);</li>
 *   <li>the certificate of a quarter that ends a Target Period is due by the
 *       {@code certificate-business-days}-th Business Day after that quarter's
 *       {@code EARNINGS_RELEASED} (6(f)(i)): {@code EBITDA_CERTIFICATE_LATE} from the day after through
 *       the day before delivery, and, still undelivered after the
 *       {@code interest-grace-business-days}-th Business Day after the due date, an Event of Default
 *       6(d)(v) (a covenant breach continuing 5 Business Days) through the day before delivery.</li>
 * </ul>
 */
public final class EbitdaCovenant {

    public static final String CLAUSE = "6(d)(ix)";
    public static final String CERTIFICATE_CLAUSE = "6(d)(v)";

    /** One Target Period of 6(e): {@code months} months ending {@code end}, EBITDA at least {@code target}. */
    public record TargetPeriod(int months, LocalDate end, BigDecimal target) {

        public List<LocalDate> quarters() {
            return Quarters.of(end, months);
        }

        public String describe() {
            return months + " months to " + end;
        }
    }

    /**
     * @param tests the {@code covenant_test} rows of the periods ending on or before the run's last day
     * @param eventsOfDefault the deal's 6(d)(ix) causes (one per breached Target Period)
     * @param certificateDefaults the deal's 6(d)(v) causes (one per certificate delivered late beyond the grace)
     * @param notReported the symbol's {@code EBITDA_NOT_REPORTED} days, one cause per period
     * @param certificateLate the symbol's {@code EBITDA_CERTIFICATE_LATE} days, one cause per certificate
     */
    public record Result(List<CovenantTest> tests, List<DefaultCause> eventsOfDefault,
                         List<DefaultCause> certificateDefaults, List<DefaultCause> notReported,
                         List<DefaultCause> certificateLate) {
    }

    private final BusinessDays businessDays;

    public EbitdaCovenant(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    /** Every Target Period of the deal's targets, by period end, then length. */
    public static List<TargetPeriod> periods(CovenantTerms terms) {
        List<TargetPeriod> periods = new ArrayList<>();
        for (EbitdaTarget target : terms.ebitdaTargets()) {
            for (LocalDate end : target.periodEnds()) {
                periods.add(new TargetPeriod(target.months(), end, target.target()));
            }
        }
        periods.sort(Comparator.comparing(TargetPeriod::end).thenComparing(TargetPeriod::months));
        return periods;
    }

    /**
     * @param dealId the deal the tests are about
     * @param symbolEvents the symbol's filings-log rows dated on or before {@code asOf}, in date then read order
     * @param graceBusinessDays 6(d)(v): {@code interest-grace-business-days}
     */
    public Result evaluate(String dealId, CovenantTerms terms, List<FilingEvent> symbolEvents, int graceBusinessDays,
                           LocalDate asOf) {
        EbitdaFigures figures = new EbitdaFigures(symbolEvents, businessDays, terms.reviewBusinessDays());
        List<CovenantTest> tests = new ArrayList<>();
        List<DefaultCause> eventsOfDefault = new ArrayList<>();
        List<DefaultCause> notReported = new ArrayList<>();
        for (TargetPeriod period : periods(terms)) {
            if (period.end().isAfter(asOf)) {
                continue;
            }
            CovenantTest test = test(dealId, period, figures, terms.ebitdaGraceDays(), asOf);
            tests.add(test);
            LocalDate breach = test.breachDate();
            if (breach.isAfter(asOf)) {
                continue;
            }
            if (test.breached()) {
                eventsOfDefault.add(new DefaultCause(CLAUSE, breach, null, "Event of Default 6(d)(ix): EBITDA of the "
                        + period.describe() + " " + signed(test.actual()) + ", below the target " + signed(test.target())
                        + " (Debenture 6(e)), from " + breach + " (" + terms.ebitdaGraceDays() + " days after the period's end)",
                        period.end()));
            }
            notReported(period, figures, breach, asOf).ifPresent(notReported::add);
        }
        List<DefaultCause> certificateDefaults = new ArrayList<>();
        List<DefaultCause> certificateLate = new ArrayList<>();
        certificates(terms, symbolEvents, figures, graceBusinessDays, asOf, certificateLate, certificateDefaults);
        return new Result(tests, eventsOfDefault, certificateDefaults, notReported, certificateLate);
    }

    /** The period tested with each quarter's figure as of {@code asOf}. */
    public static CovenantTest test(String dealId, TargetPeriod period, EbitdaFigures figures, int graceDays, LocalDate asOf) {
        BigDecimal actual = BigDecimal.ZERO;
        EbitdaFigures.State weakest = EbitdaFigures.State.FINAL;
        for (LocalDate quarter : period.quarters()) {
            EbitdaFigures.Figure figure = figures.asOf(quarter, asOf);
            if (figure.state().compareTo(weakest) < 0) {
                weakest = figure.state();
            }
            actual = actual == null || figure.amount() == null ? null : actual.add(figure.amount());
        }
        Boolean met = actual == null ? null : actual.compareTo(period.target()) >= 0;
        return new CovenantTest(dealId, CLAUSE, period.end(), period.months(), period.target(), actual, met,
                weakest.name(), period.end().plusDays(graceDays));
    }

    /** From the breach date, the days on which (as of each day) a quarter of the period had no figure. */
    private static Optional<DefaultCause> notReported(TargetPeriod period, EbitdaFigures figures, LocalDate breach,
                                                      LocalDate asOf) {
        LocalDate lastKnown = null;
        boolean neverKnown = false;
        List<String> missing = new ArrayList<>();
        for (LocalDate quarter : period.quarters()) {
            Optional<LocalDate> known = figures.firstKnown(quarter).filter(d -> !d.isAfter(asOf));
            if (known.isEmpty()) {
                neverKnown = true;
                missing.add(Quarters.name(quarter));
            } else {
                if (known.get().isAfter(breach)) {
                    missing.add(Quarters.name(quarter));
                }
                lastKnown = lastKnown == null || known.get().isAfter(lastKnown) ? known.get() : lastKnown;
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty(); // every quarter had a figure by the breach date
        }
        return Optional.of(new DefaultCause(CLAUSE, breach, neverKnown ? null : lastKnown.minusDays(1), "EBITDA of the "
                + period.describe() + " not reported by " + breach + ": no figure for " + String.join(", ", missing)
                + " (a missing figure is not a breach of 6(d)(ix); Debenture 6(f)(i))"));
    }

    /**
     * The EBITDA Certificate of a quarter that ends a Target Period (6(f)(i)): due by the
     * {@code certificate-business-days}-th Business Day after the quarter's first {@code EARNINGS_RELEASED}, delivered
     * by its first {@code EBITDA_CERTIFICATE} (empty: not by the run's last day).
     */
    public record CertificateDue(LocalDate quarter, FilingEvent release, LocalDate due, Optional<LocalDate> delivered) {
    }

    /** Every certificate due after an earnings release dated on or before {@code asOf}, in release order. */
    public List<CertificateDue> certificatesDue(CovenantTerms terms, List<FilingEvent> symbolEvents, EbitdaFigures figures,
                                                LocalDate asOf) {
        Set<LocalDate> periodEnds = new HashSet<>();
        periods(terms).forEach(p -> periodEnds.add(p.end()));
        Set<LocalDate> seen = new HashSet<>();
        List<CertificateDue> due = new ArrayList<>();
        for (FilingEvent release : symbolEvents) {
            if (release.type() != EventType.EARNINGS_RELEASED || release.date().isAfter(asOf)) {
                continue;
            }
            LocalDate quarter = Quarters.end(release.document());
            if (!periodEnds.contains(quarter) || !seen.add(quarter)) {
                continue; // not a quarter that ends a Target Period, or not its first release
            }
            due.add(new CertificateDue(quarter, release, terms.certificateBusinessDays() == 0
                    ? businessDays.nextOrSame(release.date())
                    : businessDays.businessDaysAfter(release.date(), terms.certificateBusinessDays()),
                    figures.firstCertificate(quarter).map(FilingEvent::date).filter(d -> !d.isAfter(asOf))));
        }
        return due;
    }

    private void certificates(CovenantTerms terms, List<FilingEvent> symbolEvents, EbitdaFigures figures,
                              int graceBusinessDays, LocalDate asOf, List<DefaultCause> late, List<DefaultCause> defaults) {
        for (CertificateDue certificate : certificatesDue(terms, symbolEvents, figures, asOf)) {
            LocalDate quarter = certificate.quarter();
            FilingEvent release = certificate.release();
            LocalDate due = certificate.due();
            Optional<LocalDate> delivered = certificate.delivered();
            if (delivered.isPresent() && !delivered.get().isAfter(due)) {
                continue;
            }
            LocalDate lastLate = delivered.map(d -> d.minusDays(1)).orElse(null);
            String name = Quarters.name(quarter);
            String deliveredText = delivered.map(d -> "delivered " + d).orElse("not delivered by " + asOf);
            late.add(new DefaultCause("6(f)(i)", due.plusDays(1), lastLate, "EBITDA Certificate for " + name
                    + " due by " + due + " (" + terms.certificateBusinessDays() + " Business Days after the earnings release of "
                    + release.date() + ", Debenture 6(f)(i)), " + deliveredText));
            LocalDate eodFrom = businessDays.businessDaysAfter(due, graceBusinessDays).plusDays(1);
            if (lastLate == null || !lastLate.isBefore(eodFrom)) {
                defaults.add(new DefaultCause(CERTIFICATE_CLAUSE, eodFrom, lastLate, "Event of Default 6(d)(v): the EBITDA"
                        + " Certificate for " + name + " due by " + due + " still undelivered after " + graceBusinessDays
                        + " Business Days (a covenant breach continuing), " + deliveredText));
            }
        }
    }

    /** {@code $700,000.00}, {@code -$2,150,000.00}. */
    public static String signed(BigDecimal amount) {
        String text = org.debentures.compliance.money.MoneyFormat.dollars(amount.abs());
        return amount.signum() < 0 ? "-" + text : text;
    }
}
