package org.debentures.compliance.terms;

/**
 * Which Conversion Price the Mandatory Redemption Price of a notice uses (SPEC §14, Debenture 6(b)
 * "(P + I) / CP x Market Price"). Switch {@code redemption-conversion-price}.
 */
public enum RedemptionConversionPrice {
    /** Default: the Conversion Price in effect on the Mandatory Redemption Date. */
    REDEMPTION_DATE,
    /** The Conversion Price in effect on the first day of the Event of Default the notice relies on. */
    EVENT_START
}
