package org.debentures.compliance.terms;

/**
 * Reading of Debenture §5(c)(ii) "greater than the Conversion Price ... by at least two hundred
 * percent (200%)" (SPEC §5). Switch {@code vwap-test-reading}.
 */
public enum VwapTestReading {
    /** Default: VWAP at least multiple x Conversion Price (2.00 x). */
    PERCENT_OF,
    /** VWAP at least (1 + multiple) x Conversion Price (3.00 x). */
    EXCESS_OVER
}
