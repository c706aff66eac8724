package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One event that changes the Conversion Price from its effective date on (Debenture §4).
 * Implementations are immutable. A dilutive issuance (4(a)(D)-(F)) or Major Announcement (4(e))
 * is another implementation whose {@link #apply} may depend on the issue price or Market Price.
 */
public interface ConversionPriceAdjustment {

    /** The day from which the adjusted price applies (the event day; a stock dividend's record date). */
    LocalDate effectiveDate();

    AdjustmentClause clause();

    /** The Conversion Price after this event, given the price before it (unrounded). */
    BigDecimal apply(BigDecimal priceBefore);

    /** For evidence: what happened, e.g. "2-for-1 stock split". */
    String describe();
}
