package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.debentures.compliance.money.Rounding;

/**
 * Debenture §4(b) as SPEC §4 applies it to prices: for every stock split or stock dividend
 * effective on or before the as-of date, a bid dated before its effective date is divided by its
 * ratio, so that every price is on the share basis in force on the as-of date.
 *
 * <p>When the feed is already back-adjusted (switch {@code prices-split-adjusted: true}) no price
 * is divided.
 */
public final class SplitAdjustment {

    private final List<CorporateAction> actions;
    private final boolean feedAlreadyAdjusted;

    public SplitAdjustment(List<CorporateAction> actions, boolean feedAlreadyAdjusted) {
        this.actions = actions.stream().sorted(Comparator.comparing(CorporateAction::effectiveDate)).toList();
        this.feedAlreadyAdjusted = feedAlreadyAdjusted;
    }

    /**
     * The product of the ratios of the actions effective in {@code (priceDate, asOf]}: the number
     * of shares on the as-of basis that one share on the price date's basis became.
     */
    public BigDecimal factor(LocalDate priceDate, LocalDate asOf) {
        BigDecimal factor = BigDecimal.ONE;
        if (feedAlreadyAdjusted) {
            return factor;
        }
        for (CorporateAction action : actions) {
            LocalDate effective = action.effectiveDate();
            if (priceDate.isBefore(effective) && !effective.isAfter(asOf)) {
                factor = factor.multiply(action.ratio());
            }
        }
        return factor;
    }

    /** {@code price} dated {@code priceDate} on the share basis in force on {@code asOf} (unrounded). */
    public BigDecimal adjust(BigDecimal price, LocalDate priceDate, LocalDate asOf) {
        BigDecimal factor = factor(priceDate, asOf);
        return factor.compareTo(BigDecimal.ONE) == 0 ? price : Rounding.divide(price, factor);
    }
}
