package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The state of one Mandatory Conversion Condition (Debenture §5(c)) as of a date, with its evidence.
 *
 * @param condition the clause, e.g. "5(c)(i)"
 * @param since the day it has been met since (null when not met or not checked)
 */
public record ConditionState(String condition, String description, State state, LocalDate since, String evidence) {

    public enum State { MET, NOT_MET, NOT_CHECKED }

    public ConditionState {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
    }
}
