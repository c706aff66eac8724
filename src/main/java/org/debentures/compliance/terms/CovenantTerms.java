package org.debentures.compliance.terms;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The financial covenants of Debenture 6(d)(ix), 6(d)(x), 6(e) and 6(f) (SPEC §12), deal-file
 * section {@code covenants} (v2, optional). A deal file without it has {@link #NONE}: no targets and
 * no limits, so that the covenant rules report {@code NOT_CHECKED}, never a silent pass.
 *
 * @param ebitdaTargets 6(e): the EBITDA targets; empty when the deal file gives none
 * @param ebitdaGraceDays 6(d)(ix): a shortfall is an Event of Default from this many days after the
 *                        period's last day (30; never moved by the deadline convention)
 * @param certificateBusinessDays 6(f)(i): the EBITDA Certificate is due this many Business Days after
 *                                the public disclosure of the quarter's earnings (2)
 * @param reviewBusinessDays 6(f)(i): the EBITDA Review Period runs through this many Business Days
 *                           after the certificate (5)
 * @param capexLimits 6(d)(x): the yearly capex limits, each year once; empty when the deal file gives none
 */
public record CovenantTerms(List<EbitdaTarget> ebitdaTargets, int ebitdaGraceDays, int certificateBusinessDays,
                            int reviewBusinessDays, List<CapexLimit> capexLimits) {

    /**
     * The Debenture's 6(d)(ix) and 6(f)(i) day counts, used when the {@code covenants} section omits
     * them (SPEC §12 gives them in the deal file; they are the Debenture's figures).
     */
    public static final int DEFAULT_EBITDA_GRACE_DAYS = 30;
    public static final int DEFAULT_CERTIFICATE_BUSINESS_DAYS = 2;
    public static final int DEFAULT_REVIEW_BUSINESS_DAYS = 5;

    /** No covenants in the deal file: the covenant rules report {@code NOT_CHECKED}. */
    public static final CovenantTerms NONE = new CovenantTerms(List.of(), DEFAULT_EBITDA_GRACE_DAYS,
            DEFAULT_CERTIFICATE_BUSINESS_DAYS, DEFAULT_REVIEW_BUSINESS_DAYS, List.of());

    public CovenantTerms {
        ebitdaTargets = List.copyOf(ebitdaTargets);
        capexLimits = List.copyOf(capexLimits);
        if (ebitdaGraceDays < 0 || certificateBusinessDays < 0 || reviewBusinessDays < 0) {
            throw new IllegalArgumentException("covenant day counts must not be negative: " + ebitdaGraceDays + ", "
                    + certificateBusinessDays + ", " + reviewBusinessDays);
        }
        Set<String> periods = new HashSet<>();
        for (EbitdaTarget target : ebitdaTargets) {
            for (LocalDate end : target.periodEnds()) {
                if (!periods.add(target.months() + " " + end)) {
                    throw new IllegalArgumentException("two EBITDA targets for the " + target.months()
                            + "-month period ending " + end);
                }
            }
        }
        Set<Integer> years = new HashSet<>();
        for (CapexLimit limit : capexLimits) {
            if (!years.add(limit.year())) {
                throw new IllegalArgumentException("two capex limits for " + limit.year());
            }
        }
    }

    /** True when the deal file gives neither EBITDA targets nor capex limits. */
    public boolean isEmpty() {
        return ebitdaTargets.isEmpty() && capexLimits.isEmpty();
    }
}
