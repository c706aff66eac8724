package org.debentures.compliance.rules.covenants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code covenant_test} (SPEC §12): a deal's covenant tested for one period, as of the
 * run's last day.
 *
 * @param clause {@code 6(d)(ix)} (an EBITDA Target Period, 6(e)) or {@code 6(d)(x)} (a capex year)
 * @param periodEnd the period's last day
 * @param months the period's length
 * @param target 6(d)(ix): the least EBITDA; 6(d)(x): the most capex (the amount, or the share of revenue x revenue;
 *               null while that revenue is missing)
 * @param actual the period's EBITDA (the sum of its quarters) or the year's capex; null while a figure is missing
 * @param met 6(d)(ix): actual >= target; 6(d)(x): actual <= target; null while {@code actual} (or the revenue) is missing
 * @param state the weakest state of the figures it needs ({@code MISSING}, {@code OBJECTED}, {@code UNDER_REVIEW}, {@code FINAL})
 * @param breachDate 6(d)(ix): period end + the grace days, for every period (the first day a shortfall is an
 *                   Event of Default); 6(d)(x): the date of the later of the audited rows, null while one is missing
 */
public record CovenantTest(String dealId, String clause, LocalDate periodEnd, int months, BigDecimal target,
                           BigDecimal actual, Boolean met, String state, LocalDate breachDate) {

    public CovenantTest {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(state, "state");
    }

    /** A breach: the test is decided and not met. */
    public boolean breached() {
        return Boolean.FALSE.equals(met);
    }
}
