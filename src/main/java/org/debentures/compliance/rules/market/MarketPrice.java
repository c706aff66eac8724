package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Market Price of a symbol as of one calendar day (Debenture §1), with its evidence: the
 * Trading Days of the window and the split-adjusted bids, or why there is none.
 *
 * @param value six decimals, half-up; {@code null} when unavailable
 * @param windowDays the Trading Days used (or found, when unavailable), oldest first
 * @param adjustedBids the bids of {@code windowDays} on the as-of share basis (unrounded); empty when unavailable
 * @param unavailableReason why there is no Market Price; {@code null} when there is one
 */
public record MarketPrice(String symbol, LocalDate asOf, BigDecimal value, List<LocalDate> windowDays,
                          List<BigDecimal> adjustedBids, String unavailableReason) {

    public MarketPrice {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(asOf, "asOf");
        windowDays = List.copyOf(windowDays);
        adjustedBids = List.copyOf(adjustedBids);
        if ((value == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException("exactly one of value and unavailableReason must be set");
        }
    }

    public boolean isAvailable() {
        return value != null;
    }

    public Optional<BigDecimal> price() {
        return Optional.ofNullable(value);
    }

    public Optional<LocalDate> windowStart() {
        return windowDays.isEmpty() ? Optional.empty() : Optional.of(windowDays.get(0));
    }

    public Optional<LocalDate> windowEnd() {
        return windowDays.isEmpty() ? Optional.empty() : Optional.of(windowDays.get(windowDays.size() - 1));
    }
}
