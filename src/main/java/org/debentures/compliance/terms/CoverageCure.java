package org.debentures.compliance.terms;

/** When a coverage amendment default (RRA 4(k)) is cured (SPEC §6). Switch {@code coverage-cure}. */
public enum CoverageCure {
    /** Default: cured by the filing of the amendment. */
    FILED,
    /** RRA 4(k) last sentence: cured when the amendment is declared effective. */
    EFFECTIVE
}
