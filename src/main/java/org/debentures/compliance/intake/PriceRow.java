package org.debentures.compliance.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.debentures.compliance.rules.market.PriceFeed;

/**
 * One accepted price row of a feed (SPEC §2).
 *
 * @param volume the VWAP feed's volume, {@code null} when absent (and always for closing bids)
 */
public record PriceRow(PriceFeed feed, String symbol, LocalDate date, BigDecimal price, Long volume) {

    public PriceRow {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(price, "price");
    }

    /** Same value: equal price (5.1 equals 5.10) and equal volume. */
    public boolean sameValueAs(PriceRow other) {
        return price.compareTo(other.price) == 0 && Objects.equals(volume, other.volume);
    }

    /** The value as a person reads it, without trailing zeros: {@code 5.12} or {@code 5.12 (volume 10300)}. */
    public String describeValue() {
        return price.stripTrailingZeros().toPlainString() + (volume == null ? "" : " (volume " + volume + ")");
    }
}
