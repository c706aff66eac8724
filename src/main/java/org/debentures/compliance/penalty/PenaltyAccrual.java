package org.debentures.compliance.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's penalty for one instrument (a {@code penalty_accrual} row): base x rate / divisor, six
 * decimals half-up, with the clause and a sentence that explains the figure.
 */
public record PenaltyAccrual(String instrumentId, String holder, LocalDate date, PenaltyKind kind,
                             BigDecimal baseAmount, BigDecimal rate, BigDecimal amount, String clause,
                             String explanation) {

    public PenaltyAccrual {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseAmount, "baseAmount");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(amount, "amount");
        if (baseAmount.signum() <= 0) {
            throw new IllegalArgumentException("no penalty row for a day whose base is zero (SPEC §10)");
        }
    }
}
