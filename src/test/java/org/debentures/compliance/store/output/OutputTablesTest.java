package org.debentures.compliance.store.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.WriteBatch;

/**
 * The results writer's replacement of exception runs and keyed deletes (issue #9 batching), on an
 * embedded database with the job's schema: batching must leave exactly the rows that replacing
 * the keys one after another leaves.
 */
class OutputTablesTest extends StoreTest {

    private static final LocalDate FROM = LocalDate.parse("2003-01-01");
    private static final LocalDate TO = LocalDate.parse("2003-01-31");

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("output-tables");
    }

    private static Finding run(ExceptionCode code, String clause, String start, String end) {
        return new Finding(code, "DEB-1", clause, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                code + " from " + start);
    }

    private List<String> stored() {
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT code, clause, start_date, end_date, status, first_seen_run_id, closed_in_run_id"
                + " FROM compliance_exception ORDER BY code, clause, start_date", rs -> {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3) + ".." + rs.getDate(4) + " "
                            + rs.getString(5) + " first " + rs.getLong(6) + " closed " + rs.getObject(7));
                });
        return rows;
    }

    /**
     * Issue 23 (found by the chaos kills): a run killed after its publication committed but before its step was
     * recorded complete publishes the same generation again on restart; that must succeed and change nothing, while
     * publishing an older generation is still refused.
     */
    @Test
    void publishingTheGenerationAlreadyPublishedAgainChangesNothing() {
        ResultGenerations generations = new ResultGenerations(jdbc);
        long first = generations.begin(1, LocalDate.parse("2003-01-01"), LocalDate.parse("2003-01-31"));
        generations.publish(first);
        generations.publish(first); // the restart's second publication
        assertEquals(first, generations.published());
        long second = generations.begin(2, LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-03"));
        generations.publish(second);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> generations.publish(first),
                "an older generation is never published over a newer one");
        assertEquals(second, generations.published());
    }

    @Test
    void aRangeIsNewWhenNoGenerationThatKeepsRowsRanOverAnyOfItsDays() {
        ResultGenerations generations = new ResultGenerations(jdbc);
        long first = generations.begin(1, LocalDate.parse("2003-01-01"), LocalDate.parse("2003-01-31"));
        generations.publish(first);
        long second = generations.begin(2, LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-03"));

        assertEquals(false, generations.rangeIsNew(second, LocalDate.parse("2003-01-31"), LocalDate.parse("2003-02-01")),
                "the first run's last day");
        assertEquals(true, generations.rangeIsNew(second, LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-03")),
                "only the run itself (a later generation) reached it");
        generations.publish(second);
        // a third run over 2003-02-04, begun and left unpublished, is abandoned when a fourth begins: its rows are gone
        generations.begin(3, LocalDate.parse("2003-02-04"), LocalDate.parse("2003-02-04"));
        long fourth = generations.begin(4, LocalDate.parse("2003-02-04"), LocalDate.parse("2003-02-04"));
        assertEquals(true, generations.rangeIsNew(fourth, LocalDate.parse("2003-02-04"), LocalDate.parse("2003-02-04")),
                "an abandoned generation keeps no row");
        assertEquals(false, generations.rangeIsNew(fourth, LocalDate.parse("2003-02-03"), LocalDate.parse("2003-02-04")));
        generations.publish(fourth);
        // a run without a range (a test's, or a tool's) may have written any day
        long unbounded = generations.begin(5);
        generations.publish(unbounded);
        long sixth = generations.begin(6, LocalDate.parse("2009-01-01"), LocalDate.parse("2009-01-01"));
        assertEquals(false, generations.rangeIsNew(sixth, LocalDate.parse("2009-01-01"), LocalDate.parse("2009-01-01")));
    }

    @Test
    void aLaterRunClosesARunAnEarlierOneOpenedAndKeepsWhoFirstSawIt() {
        // run 7 stores a run, still open
        WriteBatch before = newRun(jdbc);
        new OutputTables(jdbc, before).replaceFindings("DEB-1", EnumSet.of(ExceptionCode.INTEREST_UNPAID), FROM, TO,
                List.of(run(ExceptionCode.INTEREST_UNPAID, "2(a)", "2003-01-05", null)), 7);
        publish(jdbc, before);

        // run 8 reads the published runs once, then the run closes on the 20th and another opens
        WriteBatch writes = newRun(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        outputs.preloadFindings();
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.INTEREST_UNPAID, ExceptionCode.DEFAULT_INTEREST_OVERDUE),
                FROM, TO, List.of(run(ExceptionCode.INTEREST_UNPAID, "2(a)", "2003-01-05", "2003-01-20"),
                        run(ExceptionCode.DEFAULT_INTEREST_OVERDUE, "2(c)", "2003-01-10", null)), 8);
        writes.flush();
        assertEquals(List.of("INTEREST_UNPAID 2(a) 2003-01-05..null OPEN first 7 closed null"), stored(),
                "before run 8 publishes, readers see run 7's result");
        new ResultGenerations(jdbc).publish(writes.generation());

        // one row per run; the closed run keeps the run that first saw it (7) and names the run that closed it (8)
        assertEquals(List.of("DEFAULT_INTEREST_OVERDUE 2(c) 2003-01-10..null OPEN first 8 closed null",
                "INTEREST_UNPAID 2(a) 2003-01-05..2003-01-20 CLOSED first 7 closed 8"), stored());
        assertEquals(1, new ResultGenerations(jdbc).pruneReplaced(), "run 7's row, replaced, is deleted once published");
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM compliance_exception_data", Integer.class));
    }

    @Test
    void replacementsOfOneCodeUnderDifferentClausesKeepEachOther() {
        WriteBatch writes = newRun(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        outputs.preloadFindings();
        // 6(d)(iii) from the registration rule, 6(d)(v) from the interest rule
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), "6(d)(iii)", FROM, TO,
                List.of(run(ExceptionCode.EVENT_OF_DEFAULT, "6(d)(iii)", "2003-01-03", null)), 8);
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), "6(d)(v)", FROM, TO,
                List.of(run(ExceptionCode.EVENT_OF_DEFAULT, "6(d)(v)", "2003-01-04", null)), 8);
        publish(jdbc, writes);
        assertEquals(List.of("EVENT_OF_DEFAULT 6(d)(iii) 2003-01-03..null OPEN first 8 closed null",
                "EVENT_OF_DEFAULT 6(d)(v) 2003-01-04..null OPEN first 8 closed null"), stored());

        // a rerun that finds the 6(d)(v) one cured on the 10th leaves the 6(d)(iii) one as it was
        WriteBatch rerun = newRun(jdbc);
        new OutputTables(jdbc, rerun).replaceFindings("DEB-1", EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), "6(d)(v)",
                FROM, TO, List.of(run(ExceptionCode.EVENT_OF_DEFAULT, "6(d)(v)", "2003-01-04", "2003-01-10")), 9);
        publish(jdbc, rerun);
        assertEquals(List.of("EVENT_OF_DEFAULT 6(d)(iii) 2003-01-03..null OPEN first 8 closed null",
                "EVENT_OF_DEFAULT 6(d)(v) 2003-01-04..2003-01-10 CLOSED first 8 closed 9"), stored());
    }

    @Test
    void replacementsOfManyKeysByOneConditionReplaceExactlyWhatOnePerKeyReplaces() {
        // 1,200 instruments (more than one IN list), two days each: one inside the range, one before it
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            for (String day : List.of("2002-12-31", "2003-01-15")) {
                rows.add(new Object[] {"I" + i, Date.valueOf(day), 1, 1, 0, 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO interest_accrual_data (instrument_id, accrual_date, principal, interest_base,"
                + " regular_interest, default_interest) VALUES (?,?,?,?,?,?)", rows);
        WriteBatch writes = newRun(jdbc);
        for (int i = 0; i < 1100; i++) { // the last 100 instruments are not replaced
            writes.replace("interest_accrual", "instrument_id", "accrual_date BETWEEN ? AND ?", "I" + i,
                    Date.valueOf(FROM), Date.valueOf(TO));
        }
        writes.flush();
        assertEquals(2400, jdbc.queryForObject("SELECT COUNT(*) FROM interest_accrual", Integer.class),
                "not published yet: readers see every row");
        publish(jdbc, writes);
        Map<String, Object> left = jdbc.queryForMap("SELECT COUNT(*) AS n,"
                + " SUM(CASE WHEN accrual_date < DATE '2003-01-01' THEN 1 ELSE 0 END) AS before_range FROM interest_accrual");
        // every row before the range stays (1,200); in the range only the 100 instruments not replaced
        assertEquals(1300L, ((Number) left.get("N")).longValue());
        assertEquals(1200L, ((Number) left.get("BEFORE_RANGE")).longValue());
        assertEquals(1300, jdbc.queryForObject("SELECT COUNT(*) FROM interest_accrual_data", Integer.class),
                "the 1,100 replaced rows are deleted once published");
    }
}
