package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * Turns causes into exception runs (SPEC §10): for one subject and code, per clause, the days of
 * every cause on which the subject is bound, as maximal runs of consecutive days; a run's message
 * names every cause it holds.
 */
public final class CovenantFindings {

    private CovenantFindings() {
    }

    /**
     * @param binds whether the subject is bound on a day (an instrument: principal of it outstanding at the day's end)
     * @param suffix appended to each run's message (e.g. the remedy of an Event of Default)
     */
    public static List<Finding> runs(ExceptionCode code, String subject, List<DefaultCause> causes,
                                     Predicate<LocalDate> binds, LocalDate asOf, String suffix) {
        Map<String, List<DefaultCause>> byClause = new LinkedHashMap<>();
        causes.forEach(c -> byClause.computeIfAbsent(c.clause(), k -> new ArrayList<>()).add(c));
        List<Finding> findings = new ArrayList<>();
        byClause.forEach((clause, ofClause) -> {
            TreeSet<LocalDate> days = new TreeSet<>();
            for (DefaultCause cause : ofClause) {
                LocalDate last = cause.last() == null || cause.last().isAfter(asOf) ? asOf : cause.last();
                for (LocalDate d = cause.first(); !d.isAfter(last); d = d.plusDays(1)) {
                    if (binds.test(d)) {
                        days.add(d);
                    }
                }
            }
            for (ConditionRuns.Run run : ConditionRuns.runs(days, asOf)) {
                Set<String> messages = new LinkedHashSet<>();
                for (DefaultCause cause : ofClause) {
                    LocalDate last = cause.last() == null ? asOf : cause.last();
                    if (!cause.first().isAfter(run.last()) && !last.isBefore(run.first())) {
                        messages.add(cause.message());
                    }
                }
                findings.add(new Finding(code, subject, clause, run.first(), run.open() ? null : run.last(),
                        String.join("; ", messages) + ": " + run.first() + (run.open() ? " onwards" : " .. " + run.last())
                                + suffix));
            }
        });
        return findings;
    }
}
