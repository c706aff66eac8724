package org.debentures.compliance.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.findings.ExceptionLifecycle.Plan;
import org.debentures.compliance.findings.ExceptionLifecycle.Row;
import org.debentures.compliance.findings.ExceptionLifecycle.StoredRun;
import org.junit.jupiter.api.Test;

/**
 * The exception lifecycle (SPEC §8, §10): a run keyed by code, subject, clause and start date keeps the run that
 * first saw it and the run it closed in; a rerun of a range rewrites the runs that share a day with it.
 */
class ExceptionLifecycleTest {

    static final LocalDate FROM = LocalDate.parse("2003-01-01");
    static final LocalDate TO = LocalDate.parse("2003-01-31");

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static Finding unpaid(String start, String end) {
        return new Finding(ExceptionCode.INTEREST_UNPAID, "BRAMWELL-2002", "Debenture 2(a)", d(start),
                end == null ? null : d(end), "interest due not paid on time");
    }

    static StoredRun stored(String start, String end, long firstSeen, String status, Long closedIn) {
        return new StoredRun("INTEREST_UNPAID", "Debenture 2(a)", d(start), end == null ? null : d(end), firstSeen,
                status, closedIn);
    }

    @Test
    void aNewRunIsFirstSeenInThisRunAndOpenWhileItReachesTheLastDay() {
        Plan plan = ExceptionLifecycle.replace(List.of(), List.of(unpaid("2003-01-03", null)), FROM, TO, 7);
        assertEquals(List.of(new Row(unpaid("2003-01-03", null), 7, 7, null)), plan.rows());
        assertEquals(List.of(), plan.rewrittenOutsideRange());
    }

    @Test
    void aStoredOpenRunKeepsItsFirstSeenRunAndClosesInTheRunThatSeesItsEnd() {
        // run 5 saw it open; run 8 knows it ended 01-19 (paid 01-20): first seen 5, closed in 8
        Plan plan = ExceptionLifecycle.replace(List.of(stored("2003-01-03", null, 5, "OPEN", null)),
                List.of(unpaid("2003-01-03", "2003-01-19")), FROM, TO, 8);
        assertEquals(List.of(new Row(unpaid("2003-01-03", "2003-01-19"), 8, 5, 8L)), plan.rows());
    }

    @Test
    void aRunClosedEarlierKeepsTheRunItClosedIn() {
        // closed in run 6; rerun 9 sees the same run: still first seen 5, closed in 6
        Plan plan = ExceptionLifecycle.replace(List.of(stored("2003-01-03", "2003-01-19", 5, "CLOSED", 6L)),
                List.of(unpaid("2003-01-03", "2003-01-19")), FROM, TO, 9);
        assertEquals(new Row(unpaid("2003-01-03", "2003-01-19"), 9, 5, 6L), plan.rows().get(0));
    }

    @Test
    void aRunOutsideTheRangeIsLeftToOtherRunsUnlessItWasStoredInIt() {
        // a run of February is outside the January range: not written
        assertEquals(List.of(), ExceptionLifecycle.replace(List.of(), List.of(unpaid("2003-02-10", null)), FROM, TO, 7).rows());
        // stored overlapping January (open from 2002-12-20) but now known to have ended on 2002-12-28: rewritten with its end
        Plan ended = ExceptionLifecycle.replace(List.of(stored("2002-12-20", null, 4, "OPEN", null)),
                List.of(unpaid("2002-12-20", "2002-12-28")), FROM, TO, 7);
        assertEquals(List.of(new Row(unpaid("2002-12-20", "2002-12-28"), 7, 4, 7L)), ended.rows());
        assertEquals(List.of(), ended.rewrittenOutsideRange());
    }

    @Test
    void aRunStoredBeforeTheRangeWhoseEndNowReachesIntoItIsRewrittenUnderItsKey() {
        // stored 2002-12-20 .. 2002-12-28 (closed in run 4); now known to continue to 2003-01-05: the stored row lies
        // outside January, so the range delete misses it; it is deleted by its key and rewritten
        Plan plan = ExceptionLifecycle.replace(List.of(stored("2002-12-20", "2002-12-28", 3, "CLOSED", 4L)),
                List.of(unpaid("2002-12-20", "2003-01-05")), FROM, TO, 7);
        assertEquals(List.of(unpaid("2002-12-20", "2003-01-05")), plan.rewrittenOutsideRange());
        Row row = plan.rows().get(0);
        assertEquals(3, row.firstSeenRunId());
        assertEquals(4L, row.closedInRunId()); // it was closed, and is closed again
    }

    @Test
    void aReopenedRunHasNoClosingRun() {
        Plan plan = ExceptionLifecycle.replace(List.of(stored("2003-01-03", "2003-01-19", 5, "CLOSED", 6L)),
                List.of(unpaid("2003-01-03", null)), FROM, TO, 9);
        assertNull(plan.rows().get(0).closedInRunId());
        assertEquals(5, plan.rows().get(0).firstSeenRunId());
    }
}
