package org.debentures.compliance.rules.market;

import java.time.LocalDate;
import java.util.Objects;

/** A data gap (SPEC §3, §4: exception {@code PRICE_MISSING}) on one day, with what is missing. */
public record PriceGap(String symbol, LocalDate date, String reason) {
    public PriceGap {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }
}
