package org.debentures.compliance.terms;

import java.math.BigDecimal;

/**
 * One fiscal year's limit on capital expenditures, Debenture 6(d)(x) (SPEC §12): exactly one of an
 * amount and a share of the year's gross revenues from sales.
 *
 * @param year the fiscal (calendar) year
 * @param maxAmount capex above this many dollars is a breach; {@code null} when the limit is a share
 * @param maxShareOfRevenue capex above this share of the year's audited revenue is a breach (0.03 = 3%);
 *                          {@code null} when the limit is an amount
 */
public record CapexLimit(int year, BigDecimal maxAmount, BigDecimal maxShareOfRevenue) {

    public CapexLimit {
        if ((maxAmount == null) == (maxShareOfRevenue == null)) {
            throw new IllegalArgumentException("capex limit " + year + ": exactly one of max-amount and max-share-of-revenue");
        }
        if (maxAmount != null && maxAmount.signum() < 0) {
            throw new IllegalArgumentException("capex limit " + year + ": max-amount is negative: " + maxAmount);
        }
        if (maxShareOfRevenue != null && (maxShareOfRevenue.signum() <= 0 || maxShareOfRevenue.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("capex limit " + year + ": max-share-of-revenue not in (0, 1]: " + maxShareOfRevenue);
        }
    }

    public static CapexLimit ofAmount(int year, BigDecimal maxAmount) {
        return new CapexLimit(year, maxAmount, null);
    }

    public static CapexLimit ofShareOfRevenue(int year, BigDecimal maxShareOfRevenue) {
        return new CapexLimit(year, null, maxShareOfRevenue);
    }
}
