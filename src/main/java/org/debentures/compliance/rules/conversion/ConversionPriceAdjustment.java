package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One event that may change the Conversion Price from its effective date on (Debenture §4).
 * Implementations are immutable: a split (4(a)(A)-(C), {@link ShareCountAdjustment}) or an issuance
 * (4(a)(D)-(F), {@link DilutiveIssuance}) whose outcome depends on the price before it.
 */
public interface ConversionPriceAdjustment {

    /**
     * What an event did to the price before it: the price after, the clause that applied (an
     * issuance may be (D), (E), (F), exempt under 4(h) or no adjustment), the formula's terms for a
     * reader to check by hand, and whether it could be worked out at all.
     *
     * @param clause e.g. {@code Debenture 4(a)(F)}
     * @param adjusted false when the event left the price as it was (above the Market Price, exempt, not computable)
     * @param computable false for SPEC §15's {@code ADJUSTMENT_NOT_COMPUTABLE}: the price is left as it was
     */
    record Applied(BigDecimal price, String clause, String terms, boolean adjusted, boolean computable) {
    }

    /** The day from which the adjusted price applies (the event day; a stock dividend's record date). */
    LocalDate effectiveDate();

    AdjustmentClause clause();

    /** Of the events effective on one day, those of lower rank apply first (splits before issuances, SPEC §15). */
    default int rankInDay() {
        return 0;
    }

    /** The Conversion Price after this event, given the price before it (unrounded). */
    default BigDecimal apply(BigDecimal priceBefore) {
        return applied(priceBefore).price();
    }

    /** The outcome of this event on {@code priceBefore}, with its clause and terms. */
    Applied applied(BigDecimal priceBefore);

    /** For evidence: what happened, e.g. "2-for-1 stock split". */
    String describe();
}
