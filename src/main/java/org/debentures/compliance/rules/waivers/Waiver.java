package org.debentures.compliance.rules.waivers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One waiver of Debenture 8(c) (SPEC §13): the {@code WAIVER} rows of one amendment group with the
 * same {@code document}, and when it became effective.
 *
 * @param group the amendment group whose instruments it binds once effective
 * @param clause the Event of Default clause it covers; null: every clause
 * @param periodEnd 6(d)(ix): the Target Periods ending on or before it; another clause: the runs that began on or
 *                  before it; null: the causes that began on or before the effective date
 * @param signatures who signed, when (the first row of each instrument)
 * @param effective the first day its signers held the consent share of the group's unpaid principal; null when not
 *                  by the run's last day
 */
public record Waiver(String document, String group, String clause, LocalDate periodEnd, List<Signature> signatures,
                     LocalDate effective) {

    /** An instrument's Holder signed on {@code date}. */
    public record Signature(String instrumentId, LocalDate date) {
    }

    public Waiver {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(group, "group");
        signatures = List.copyOf(signatures);
    }

    public boolean isEffective() {
        return effective != null;
    }

    /** What it covers, for messages: {@code 6(d)(ix), Target Periods ending on or before 2003-12-31}. */
    public String describe() {
        String what = clause == null ? "every clause" : clause;
        if (periodEnd == null) {
            return what + ", causes begun on or before its effective date";
        }
        return what + ("6(d)(ix)".equals(clause) ? ", Target Periods ending on or before " : ", runs begun on or before ")
                + periodEnd;
    }
}
