package org.debentures.compliance.terms;

/**
 * Which set of Mandatory Conversion conditions (Debenture 5(c)) an instrument's own debenture states
 * (SPEC §16). Instrument key {@code mandatory-conversion-form}.
 */
public enum MandatoryConversionForm {
    /** Default: the Joint Investor Debentures' 5(c)(i)-(vii) of SPEC §5. */
    JOINT_INVESTOR,
    /**
     * Infineon's debenture: its (iii) asks for shares reserved and their resale the subject of an
     * effective registration statement on the as-of date, and its (vi) for the mandatory conversion
     * of the instruments of {@code mandatory-conversion-requires} with their conditions met.
     */
    INFINEON
}
