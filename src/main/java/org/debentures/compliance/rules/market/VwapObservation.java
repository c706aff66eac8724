package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted row of the VWAP feed.
 *
 * @param volume shares traded; {@code null} when the feed has no volume
 */
public record VwapObservation(LocalDate date, BigDecimal vwap, Long volume) {

    public VwapObservation {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(vwap, "vwap");
    }

    /** SPEC §3: a Trading Day is a VWAP row with volume above zero, or any VWAP row without volume. */
    public boolean isTradingDay() {
        return volume == null || volume > 0;
    }
}
