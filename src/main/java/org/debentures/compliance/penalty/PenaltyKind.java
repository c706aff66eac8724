package org.debentures.compliance.penalty;

/** {@code penalty_accrual.kind} (SPEC §8). */
public enum PenaltyKind {
    /** RRA 2(d) liquidated damages for Registration Default days. */
    REGISTRATION_DEFAULT,
    /** Debenture 3(e) damages for Conversion Shares delivered after the Delivery Date. */
    CONVERSION_DEFAULT,
    /** Debenture 6(c)(ii) interest on a Mandatory Redemption Price paid late (SPEC §14). */
    REDEMPTION_LATE_INTEREST
}
