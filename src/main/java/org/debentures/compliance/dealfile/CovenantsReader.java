package org.debentures.compliance.dealfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.terms.CapexLimit;
import org.debentures.compliance.terms.CovenantTerms;
import org.debentures.compliance.terms.EbitdaTarget;

/**
 * Reads the optional {@code covenants} section of a deal file (SPEC §12, Debenture 6(d)(ix), (x),
 * 6(e), 6(f)) into {@link CovenantTerms}:
 * <pre>
 * covenants:
 *   ebitda-targets:                  # at least one of ebitda-targets and capex-limits
 *     - {months: 6, ending: [2003-06-30, 2003-09-30], target: 750000}
 *     - {months: 6, ending-quarterly: [2004-03-31, 2007-03-31], target: 937500}
 *   ebitda-grace-days: 30            # optional, default 30
 *   certificate-business-days: 2     # optional, default 2
 *   review-business-days: 5          # optional, default 5
 *   capex-limits:
 *     - {year: 2002, max-amount: 1500000}
 *     - {year: 2003, max-share-of-revenue: 0.03}
 * </pre>
 * {@code months} is 3, 6 or 12; each entry gives exactly one of {@code ending} (its period ends) and
 * {@code ending-quarterly: [first, last]} (every calendar quarter end from first to last); every
 * period end is a quarter end, and a length and period end have one target. A target may be negative.
 * A capex limit gives exactly one of {@code max-amount} and {@code max-share-of-revenue}; each year once.
 */
final class CovenantsReader {

    private CovenantsReader() {
    }

    /** The covenants of the section; {@code null} when one is wrong (each problem is recorded). */
    static CovenantTerms read(Section covenants) {
        List<EbitdaTarget> targets = new ArrayList<>();
        boolean hasTargets = covenants.has("ebitda-targets");
        if (hasTargets) {
            Map<String, String> periods = new HashMap<>();
            List<Section> entries = covenants.sections("ebitda-targets");
            for (int i = 0; i < entries.size(); i++) {
                EbitdaTarget target = ebitdaTarget(entries.get(i));
                if (target != null) {
                    for (LocalDate end : target.periodEnds()) {
                        String earlier = periods.putIfAbsent(target.months() + " " + end, "ebitda-targets[" + i + "]");
                        if (earlier != null) {
                            entries.get(i).problem("the " + target.months() + "-month period ending " + end
                                    + " already has a target in " + covenants.key(earlier));
                        }
                    }
                    targets.add(target);
                }
            }
        }
        int graceDays = covenants.optionalInteger("ebitda-grace-days", 0, CovenantTerms.DEFAULT_EBITDA_GRACE_DAYS);
        int certificateDays = covenants.optionalInteger("certificate-business-days", 0,
                CovenantTerms.DEFAULT_CERTIFICATE_BUSINESS_DAYS);
        int reviewDays = covenants.optionalInteger("review-business-days", 0, CovenantTerms.DEFAULT_REVIEW_BUSINESS_DAYS);
        List<CapexLimit> limits = new ArrayList<>();
        boolean hasLimits = covenants.has("capex-limits");
        if (hasLimits) {
            Map<Integer, Integer> years = new HashMap<>();
            List<Section> entries = covenants.sections("capex-limits");
            for (int i = 0; i < entries.size(); i++) {
                CapexLimit limit = capexLimit(entries.get(i));
                if (limit != null) {
                    Integer earlier = years.putIfAbsent(limit.year(), i);
                    if (earlier != null) {
                        entries.get(i).problem("year " + limit.year() + " already has a limit in "
                                + covenants.key("capex-limits[" + earlier + "]"));
                    }
                    limits.add(limit);
                }
            }
        }
        if (!hasTargets && !hasLimits) {
            covenants.problem("gives neither ebitda-targets nor capex-limits (leave the section out when the deal has"
                    + " no covenants)");
        }
        covenants.finish();
        return covenants.build(() -> new CovenantTerms(targets, graceDays, certificateDays, reviewDays, limits));
    }

    private static EbitdaTarget ebitdaTarget(Section t) {
        int months = t.integer("months", 1);
        if (months > 0 && !EbitdaTarget.MONTHS.contains(months)) {
            t.problem("months", months + " must be 3, 6 or 12 (a Target Period of one, two or four calendar quarters)");
        }
        boolean listed = t.has("ending");
        boolean quarterly = t.has("ending-quarterly");
        List<LocalDate> ends = null;
        if (listed && quarterly) {
            t.problem("ending-quarterly", "give either ending or ending-quarterly, not both");
        } else if (!listed && !quarterly) {
            t.problem("needs ending: [period ends] or ending-quarterly: [first, last]");
        } else if (listed) {
            ends = periodEnds(t, "ending");
            for (int i = 1; ends != null && i < ends.size(); i++) {
                if (!ends.get(i).isAfter(ends.get(i - 1))) {
                    t.itemProblem("ending", i, ends.get(i) + " is not after " + ends.get(i - 1)
                            + " (period ends in order, each once)");
                    ends = null;
                }
            }
        } else {
            List<LocalDate> firstLast = periodEnds(t, "ending-quarterly");
            if (firstLast != null && firstLast.size() != 2) {
                t.problem("ending-quarterly", "must be [first, last]: two quarter ends, not " + firstLast.size());
            } else if (firstLast != null && firstLast.get(1).isBefore(firstLast.get(0))) {
                t.problem("ending-quarterly", "last " + firstLast.get(1) + " is before first " + firstLast.get(0));
            } else if (firstLast != null) {
                ends = EbitdaTarget.quarterEnds(firstLast.get(0), firstLast.get(1));
            }
        }
        BigDecimal target = t.signedDecimal("target");
        t.finish();
        List<LocalDate> periodEnds = ends;
        return t.build(() -> new EbitdaTarget(months, periodEnds, target));
    }

    /** The dates under {@code key}, each a calendar quarter end; {@code null} when one is not (recorded). */
    private static List<LocalDate> periodEnds(Section t, String key) {
        List<LocalDate> dates = t.dates(key);
        if (dates == null) {
            return null;
        }
        boolean wrong = false;
        for (int i = 0; i < dates.size(); i++) {
            if (!EbitdaTarget.isQuarterEnd(dates.get(i))) {
                t.itemProblem(key, i, dates.get(i) + " is not a calendar quarter end (03-31, 06-30, 09-30 or 12-31)");
                wrong = true;
            }
        }
        return wrong ? null : dates;
    }

    private static CapexLimit capexLimit(Section c) {
        int year = c.integer("year", 1);
        if (year > 9999) {
            c.problem("year", year + " is not a year");
        }
        boolean amount = c.has("max-amount");
        boolean share = c.has("max-share-of-revenue");
        BigDecimal maxAmount = null;
        BigDecimal maxShare = null;
        if (amount == share) {
            c.problem(amount ? "give either max-amount or max-share-of-revenue, not both"
                    : "needs max-amount or max-share-of-revenue");
        } else if (amount) {
            maxAmount = c.decimal("max-amount", BigDecimal.ZERO, false, null);
        } else {
            maxShare = c.decimal("max-share-of-revenue", BigDecimal.ZERO, true, BigDecimal.ONE);
        }
        c.finish();
        BigDecimal limitAmount = maxAmount;
        BigDecimal limitShare = maxShare;
        return c.build(() -> new CapexLimit(year, limitAmount, limitShare));
    }
}
