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

    @Test
    void aSecondReplacementOfRunsTheFirstReplacedReadsWhatTheFirstWrote() {
        // a run stored by run 7, still open
        WriteBatch before = new WriteBatch(jdbc);
        new OutputTables(jdbc, before).replaceFindings("DEB-1", EnumSet.of(ExceptionCode.INTEREST_UNPAID), FROM, TO,
                List.of(run(ExceptionCode.INTEREST_UNPAID, "2(a)", "2003-01-05", null)), 7);
        before.flush();

        WriteBatch writes = new WriteBatch(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        outputs.preloadFindings();
        long flushes = writes.flushes();
        // run 8: first the run closes on the 20th ...
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.INTEREST_UNPAID), FROM, TO,
                List.of(run(ExceptionCode.INTEREST_UNPAID, "2(a)", "2003-01-05", "2003-01-20")), 8);
        // ... then a replacement sharing the code (and covering every clause) must see that, not the preload
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.INTEREST_UNPAID, ExceptionCode.DEFAULT_INTEREST_OVERDUE),
                FROM, TO, List.of(run(ExceptionCode.INTEREST_UNPAID, "2(a)", "2003-01-05", "2003-01-20"),
                        run(ExceptionCode.DEFAULT_INTEREST_OVERDUE, "2(c)", "2003-01-10", null)), 8);
        writes.flush();

        assertEquals(flushes + 2, writes.flushes(), "the queued first replacement was sent before the second read");
        // one row per run; the closed run keeps the run that first saw it (7) and names the run that closed it (8)
        assertEquals(List.of("DEFAULT_INTEREST_OVERDUE 2(c) 2003-01-10..null OPEN first 8 closed null",
                "INTEREST_UNPAID 2(a) 2003-01-05..2003-01-20 CLOSED first 7 closed 8"), stored());
    }

    @Test
    void replacementsOfOneCodeUnderDifferentClausesAnswerFromThePreload() {
        WriteBatch writes = new WriteBatch(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        outputs.preloadFindings();
        long flushes = writes.flushes();
        // 6(d)(iii) from the registration rule, 6(d)(v) from the interest rule: apart, so no extra flush
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), "6(d)(iii)", FROM, TO,
                List.of(run(ExceptionCode.EVENT_OF_DEFAULT, "6(d)(iii)", "2003-01-03", null)), 8);
        outputs.replaceFindings("DEB-1", EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), "6(d)(v)", FROM, TO,
                List.of(run(ExceptionCode.EVENT_OF_DEFAULT, "6(d)(v)", "2003-01-04", null)), 8);
        assertEquals(flushes, writes.flushes(), "no flush between replacements that share no runs");
        writes.flush();
        assertEquals(List.of("EVENT_OF_DEFAULT 6(d)(iii) 2003-01-03..null OPEN first 8 closed null",
                "EVENT_OF_DEFAULT 6(d)(v) 2003-01-04..null OPEN first 8 closed null"), stored());
    }

    @Test
    void deletesOfManyKeysByOneConditionRemoveExactlyWhatOneDeletePerKeyRemoves() {
        // 1,200 instruments (more than one IN list), two days each: one inside the range, one before it
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            for (String day : List.of("2002-12-31", "2003-01-15")) {
                rows.add(new Object[] {"I" + i, Date.valueOf(day), 1, 1, 0, 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO interest_accrual (instrument_id, accrual_date, principal, interest_base,"
                + " regular_interest, default_interest) VALUES (?,?,?,?,?,?)", rows);
        WriteBatch writes = new WriteBatch(jdbc);
        for (int i = 0; i < 1100; i++) { // the last 100 instruments are not replaced
            writes.deleteOfKey("interest_accrual", "instrument_id", "accrual_date BETWEEN ? AND ?", "I" + i,
                    Date.valueOf(FROM), Date.valueOf(TO));
        }
        writes.flush();
        Map<String, Object> left = jdbc.queryForMap("SELECT COUNT(*) AS n,"
                + " SUM(CASE WHEN accrual_date < DATE '2003-01-01' THEN 1 ELSE 0 END) AS before_range FROM interest_accrual");
        // every row before the range stays (1,200); in the range only the 100 instruments not replaced
        assertEquals(1300L, ((Number) left.get("N")).longValue());
        assertEquals(1200L, ((Number) left.get("BEFORE_RANGE")).longValue());
    }
}
