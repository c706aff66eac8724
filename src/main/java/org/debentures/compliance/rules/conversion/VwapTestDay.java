package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One counted Trading Day of the §5(c)(ii) test (a {@code vwap_test} row).
 *
 * @param conversionPrice the issue-date Conversion Price adjusted by 4(a)(A)-(C) as of the day (unrounded)
 * @param threshold the threshold under the run's reading, six decimals half-up
 * @param thresholdPercentOf multiple x price (PERCENT_OF reading), six decimals
 * @param thresholdExcessOver (1 + multiple) x price (EXCESS_OVER reading), six decimals
 * @param above VWAP at or above {@code threshold}
 * @param windowCount days at or above the threshold among the 30 counted Trading Days ending here; null before the 30th
 * @param windowStart the first day of that window; null before the 30th
 * @param met the test met on this day or before ("during any period": once met, it stays met)
 * @param windowHasGap SPEC §5 v2: the window {@code windowStart .. tradeDate} spans an exchange session day
 *        with no VWAP row and no open trading halt (a data gap, SPEC §3 {@code PRICE_MISSING}), so a missing
 *        day below the threshold could change the count; false before the 30th counted day (no window)
 * @param windowGapDays those session days, in date order; empty when {@code windowHasGap} is false
 */
public record VwapTestDay(LocalDate tradeDate, BigDecimal vwap, BigDecimal conversionPrice, BigDecimal threshold,
                          BigDecimal thresholdPercentOf, BigDecimal thresholdExcessOver, boolean above,
                          Integer windowCount, LocalDate windowStart, boolean met, boolean windowHasGap,
                          List<LocalDate> windowGapDays) {

    public VwapTestDay {
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(vwap, "vwap");
        Objects.requireNonNull(threshold, "threshold");
        windowGapDays = List.copyOf(windowGapDays);
        if (windowHasGap == windowGapDays.isEmpty() || (windowHasGap && windowStart == null)) {
            throw new IllegalArgumentException("windowHasGap " + windowHasGap + " with gap days " + windowGapDays
                    + " in the window " + windowStart + " .. " + tradeDate);
        }
    }

    /** VWAP minus the PERCENT_OF threshold: positive when above it. */
    public BigDecimal marginPercentOf() {
        return vwap.subtract(thresholdPercentOf);
    }

    /** VWAP minus the EXCESS_OVER threshold: positive when above it. */
    public BigDecimal marginExcessOver() {
        return vwap.subtract(thresholdExcessOver);
    }
}
