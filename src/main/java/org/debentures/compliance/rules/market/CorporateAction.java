package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock split, reverse split or stock dividend (Debenture 4(a)(A)-(C)) on the symbol.
 *
 * @param effectiveDate the {@code STOCK_SPLIT} date, or the {@code STOCK_DIVIDEND} record date
 * @param ratio shares after per share before (2 = 2-for-1 split; 0.1 = 1-for-10 reverse split; 1.05 = 5% dividend)
 */
public record CorporateAction(Kind kind, LocalDate effectiveDate, BigDecimal ratio) {

    public enum Kind { STOCK_SPLIT, STOCK_DIVIDEND }

    public CorporateAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(ratio, "ratio");
        if (ratio.signum() <= 0) {
            throw new IllegalArgumentException("ratio must be positive: " + ratio);
        }
    }
}
