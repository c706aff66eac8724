package org.debentures.compliance.rules.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.rules.covenants.CovenantTest;
import org.debentures.compliance.rules.covenants.EbitdaCovenant;
import org.debentures.compliance.rules.covenants.EbitdaFigures;
import org.debentures.compliance.terms.DealTerms;

/**
 * The covenant deadlines of one deal in the days after the run's last day ({@code (asOf, asOf + horizon]}), for the
 * upcoming deadlines (SPEC §12):
 * <ul>
 *   <li>the EBITDA Certificate of a quarter whose earnings were released and that is not certified yet: its due date
 *       (6(f)(i)), and the last day before its 6(d)(v) Event of Default;</li>
 *   <li>the last day of the 30-day grace of a Target Period whose EBITDA is below target or not reported yet as of the
 *       run's last day (6(d)(ix)).</li>
 * </ul>
 */
public final class CovenantDeadlines {

    private final BusinessDays businessDays;

    public CovenantDeadlines(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    public List<Deadline> of(DealTerms deal, String symbol, List<FilingEvent> symbolEvents, LocalDate asOf,
                             int horizonDays) {
        List<Deadline> deadlines = new ArrayList<>();
        if (deal.covenants().isEmpty()) {
            return deadlines;
        }
        LocalDate last = asOf.plusDays(horizonDays);
        EbitdaFigures figures = new EbitdaFigures(symbolEvents, businessDays, deal.covenants().reviewBusinessDays());
        int grace = deal.eventOfDefault().interestGraceBusinessDays();
        int days = deal.covenants().certificateBusinessDays();
        for (EbitdaCovenant.CertificateDue certificate : new EbitdaCovenant(businessDays)
                .certificatesDue(deal.covenants(), symbolEvents, figures, asOf)) {
            if (certificate.delivered().isPresent()) {
                continue;
            }
            FilingEvent release = certificate.release();
            LocalDate due = certificate.due();
            if (within(due, asOf, last)) {
                deadlines.add(new Deadline(deal.id(), symbol, due, "EBITDA Certificate due", "Debenture 6(f)(i)", null,
                        "the certificate for " + release.document() + ", " + days + " Business Days after the earnings"
                                + " release of " + release.date()));
            }
            LocalDate lastGraceDay = businessDays.businessDaysAfter(due, grace);
            if (within(lastGraceDay, asOf.minusDays(1), last)) {
                deadlines.add(new Deadline(deal.id(), symbol, lastGraceDay, "last day to deliver before an Event of Default",
                        "Debenture 6(d)(v)", null, "the EBITDA Certificate for " + release.document() + " due " + due
                                + " still undelivered"));
            }
        }
        // one deadline per grace end and kind: a quarter's and a half-year's periods can end on the same day
        Map<List<Object>, List<CovenantTest>> byGraceEnd = new LinkedHashMap<>();
        for (EbitdaCovenant.TargetPeriod period : EbitdaCovenant.periods(deal.covenants())) {
            LocalDate graceEnd = period.end().plusDays(deal.covenants().ebitdaGraceDays()).minusDays(1);
            if (!within(graceEnd, asOf.minusDays(1), last)) {
                continue;
            }
            CovenantTest test = EbitdaCovenant.test(deal.id(), period, figures, deal.covenants().ebitdaGraceDays(), asOf);
            if (test.actual() == null || test.breached()) {
                byGraceEnd.computeIfAbsent(List.of(graceEnd, test.actual() == null), k -> new ArrayList<>()).add(test);
            }
        }
        byGraceEnd.forEach((key, tests) -> {
            boolean missing = (Boolean) key.get(1);
            StringBuilder detail = new StringBuilder();
            for (CovenantTest test : tests) {
                detail.append(detail.isEmpty() ? "" : "; ").append("the ").append(test.months()).append(" months to ")
                        .append(test.periodEnd()).append(missing ? ": a quarter has no figure yet"
                                : ": " + EbitdaCovenant.signed(test.actual()) + " against the target "
                                + EbitdaCovenant.signed(test.target()) + ", an Event of Default from " + test.breachDate());
            }
            java.math.BigDecimal shortfall = missing || tests.size() > 1 ? null : tests.get(0).target().subtract(tests.get(0).actual());
            deadlines.add(new Deadline(deal.id(), symbol, (LocalDate) key.get(0), missing
                    ? "EBITDA to be reported before the grace ends" : "EBITDA below target: the grace ends",
                    "Debenture 6(d)(ix)", shortfall, detail.toString()));
        });
        return deadlines;
    }

    private static boolean within(LocalDate date, LocalDate after, LocalDate last) {
        return date.isAfter(after) && !date.isAfter(last);
    }
}
