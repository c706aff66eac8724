package org.debentures.compliance.terms;

/**
 * What happens to a deadline that falls on a day that is not a Business Day (SPEC §3,
 * New York General Construction Law §25 and §25-a). Switch {@code deadline-convention}.
 */
public enum DeadlineConvention {
    /** Default: the deadline moves to the next Business Day. */
    FOLLOWING,
    /** Literal reading: the deadline stays on the calendar day the contract names. */
    NONE
}
