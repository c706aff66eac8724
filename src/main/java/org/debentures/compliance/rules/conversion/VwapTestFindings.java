package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionTerms;

/**
 * The exceptions of the §5(c)(ii) test for one instrument, as runs of calendar days (SPEC §10): on
 * day D the state is that of the latest counted Trading Day on or before D.
 * <ul>
 *   <li>{@code VWAP_TEST_MET} from the first day the test is met (it stays met) to the Maturity Date;
 *       when that first window spans a data gap, the message says so (SPEC §5 v2);</li>
 *   <li>{@code VWAP_TEST_NEAR}, an early warning so that treasury can plan a notice: while the
 *       rolling count is at or above the warning level and the test is not yet met.</li>
 * </ul>
 */
public final class VwapTestFindings {

    static final String CLAUSE = "Debenture 5(c)(ii)";

    private VwapTestFindings() {
    }

    /** Every run known as of {@code asOf}. */
    public static List<Finding> of(Instrument instrument, MandatoryConversionTerms terms, List<VwapTestDay> days,
                                   int warningCount, LocalDate asOf) {
        TreeMap<LocalDate, VwapTestDay> byDate = new TreeMap<>();
        days.forEach(d -> byDate.put(d.tradeDate(), d));
        List<LocalDate> metDays = new ArrayList<>();
        List<LocalDate> nearDays = new ArrayList<>();
        LocalDate last = instrument.maturityDate().isBefore(asOf) ? instrument.maturityDate() : asOf;
        if (!byDate.isEmpty()) {
            for (LocalDate d = byDate.firstKey(); !d.isAfter(last); d = d.plusDays(1)) {
                VwapTestDay state = byDate.floorEntry(d).getValue();
                if (state.met()) {
                    metDays.add(d);
                } else if (state.windowCount() != null && state.windowCount() >= warningCount) {
                    nearDays.add(d);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ConditionRuns.Run run : ConditionRuns.runs(metDays, asOf)) {
            VwapTestDay first = byDate.get(run.first());
            findings.add(new Finding(ExceptionCode.VWAP_TEST_MET, instrument.id(), CLAUSE, run.first(),
                    run.open() ? null : run.last(), "Mandatory Conversion VWAP test met on " + run.first() + ": "
                    + first.windowCount() + " of " + terms.windowTradingDays() + " Trading Days " + first.windowStart()
                    + " .. " + first.tradeDate() + " at or above the threshold (" + first.threshold() + ")"
                    + windowGapNote(first)
                    + (run.open() ? "" : "; reported to the Maturity Date " + run.last())));
        }
        for (ConditionRuns.Run run : ConditionRuns.runs(nearDays, asOf)) {
            VwapTestDay first = byDate.floorEntry(run.first()).getValue();
            findings.add(new Finding(ExceptionCode.VWAP_TEST_NEAR, instrument.id(), CLAUSE, run.first(),
                    run.open() ? null : run.last(), "VWAP test rolling count at " + first.windowCount() + " of "
                    + terms.windowTradingDays() + " on " + first.tradeDate() + " (met at "
                    + terms.requiredTradingDays() + "; warning from " + warningCount + ")"));
        }
        return findings;
    }

    /**
     * SPEC §5 v2, Debenture 5(c)(ii): what to add to the evidence of a test met on {@code day}'s window
     * when that window spans an exchange session day without a VWAP row (empty otherwise), e.g.
     * {@code " (the window 2005-07-20 .. 2005-08-31 spans an exchange session day without a VWAP row:
     * 2005-08-15; a missing day below the threshold could undo it)"}.
     */
    static String windowGapNote(VwapTestDay day) {
        if (!day.windowHasGap()) {
            return "";
        }
        return " (the window " + day.windowStart() + " .. " + day.tradeDate() + " spans "
                + (day.windowGapDays().size() == 1 ? "an exchange session day" : day.windowGapDays().size()
                + " exchange session days") + " without a VWAP row: " + day.windowGapDays().stream()
                .map(LocalDate::toString).collect(Collectors.joining(", "))
                + "; a missing day below the threshold could undo it)";
    }
}
