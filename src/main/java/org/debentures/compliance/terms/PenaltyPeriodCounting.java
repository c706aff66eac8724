package org.debentures.compliance.terms;

/** How RRA 2(d)'s "first thirty day period" is counted (SPEC §6). Switch {@code penalty-period-counting}. */
public enum PenaltyPeriodCounting {
    /** Default: the first 30 default days of the agreement's life. */
    CUMULATIVE,
    /** The 1.5% period restarts with each separate run of default days. */
    PER_EPISODE
}
