package org.debentures.compliance.rules.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A vendor correction of one price (SPEC §2: a later file gives another value for the same feed,
 * symbol and date), as the intake recorded it.
 *
 * @param feed {@code VWAP} or {@code CLOSING_BID}
 * @param message both values and both files, for the {@code PRICE_RESTATED} exception
 */
public record PriceRestatement(String feed, LocalDate priceDate, String message) {

    public PriceRestatement {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(priceDate, "priceDate");
        Objects.requireNonNull(message, "message");
    }
}
