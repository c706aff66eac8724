package org.debentures.compliance.rules.covenants;

import static org.debentures.compliance.rules.covenants.Spec12EbitdaCovenantTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.junit.jupiter.api.Test;

/** Debenture 6(d)(vii), cross-default (SPEC §12): Infineon names Bramwell and Halifax. */
class Spec12CrossDefaultTest {

    private static Finding eod(String subject, String clause, String start, String end) {
        return new Finding(ExceptionCode.EVENT_OF_DEFAULT, subject, clause, d(start), end == null ? null : d(end), "x");
    }

    @Test
    void aNamedInstrumentsEventOfDefaultIsTheInstrumentsOwn6dviiOnTheDaysItDoesNotHaveThatClauseItself() {
        // Bramwell 6(d)(iii) 2004-02-10 .. 2004-02-20; Infineon has its own 6(d)(iii) on 02-13 .. 02-15
        List<Finding> bramwell = List.of(eod("BRAMWELL-2002", "6(d)(iii)", "2004-02-10", "2004-02-20"));
        List<Finding> infineon = List.of(eod("INFINEON-2002", "6(d)(iii)", "2004-02-13", "2004-02-15"));
        CrossDefault.OwnDefault own = (clause, day) -> infineon.stream().anyMatch(f -> f.clause().equals(clause)
                && !day.isBefore(f.startDate()) && !day.isAfter(f.endDate()));
        List<DefaultCause> causes = CrossDefault.causes("BRAMWELL-2002", bramwell, own, d("2004-06-30"));
        assertEquals(2, causes.size());
        assertEquals(List.of(d("2004-02-10"), d("2004-02-16")), causes.stream().map(DefaultCause::first).toList());
        assertEquals(List.of(d("2004-02-12"), d("2004-02-20")), causes.stream().map(DefaultCause::last).toList());
        assertTrue(causes.stream().allMatch(c -> c.clause().equals("6(d)(vii)")));
    }

    @Test
    void noChainsAndAnOpenRunStaysOpen() {
        List<Finding> halifax = List.of(eod("HALIFAX-2002", "6(d)(vii)", "2004-01-01", null),
                eod("HALIFAX-2002", "6(d)(ix)", "2004-04-30", null));
        List<DefaultCause> causes = CrossDefault.causes("HALIFAX-2002", halifax, (clause, day) -> false, d("2004-06-30"));
        assertEquals(1, causes.size(), "Halifax's own 6(d)(vii) makes no 6(d)(vii) elsewhere");
        assertEquals(d("2004-04-30"), causes.get(0).first());
        assertNull(causes.get(0).last());
    }

    @Test
    void theRunsOfCausesMergePerClauseAndStopWhenThePrincipalIsGone() {
        List<DefaultCause> causes = List.of(new DefaultCause("6(d)(vii)", d("2004-02-10"), d("2004-02-12"), "a"),
                new DefaultCause("6(d)(vii)", d("2004-02-13"), null, "b"));
        LocalDate converted = d("2004-03-01");
        List<Finding> runs = CovenantFindings.runs(ExceptionCode.EVENT_OF_DEFAULT, "INFINEON-2002", causes,
                day -> day.isBefore(converted), d("2004-06-30"), "");
        assertEquals(1, runs.size());
        assertEquals(d("2004-02-10"), runs.get(0).startDate());
        assertEquals(d("2004-02-29"), runs.get(0).endDate());
        assertTrue(runs.get(0).message().startsWith("a; b"), runs.get(0).message());
    }
}
