package org.debentures.compliance.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7: a run killed with SIGKILL at any point, then started again with the same arguments,
 * completes and leaves exactly the rows an uninterrupted run leaves. Each run is a child JVM on its
 * own file H2 database; the test kills it when its log reaches a given point (inside the chunked
 * intake, between steps, in the middle of the results transaction, during the export), starts it
 * again, and compares a checksum of every output table with an uninterrupted run's.
 */
class ComplianceJobRestartTests {

    private static final List<String> KILL_POINTS = List.of(
            "Executing step: [readClosingBids]",
            "Executing step: [resolveIntake]",
            "Executing step: [computeResults]",
            "computed the deals' rules by symbol", // every rule computed and queued, the transaction not committed
            "Executing step: [export]");

    private static final List<String> TABLES = List.of("market_price", "vwap_test", "registration_default_day",
            "interest_accrual", "interest_due", "penalty_accrual", "penalty_balance", "compliance_exception",
            "input_reject", "default_interest_month", "conversion_delivery", "mandatory_redemption_price",
            "conversion_readiness", "conversion_readiness_condition", "conversion_price_history", "upcoming_deadline",
            "deal_watermark", "staged_price", "staged_filing");

    /** Columns that name runs: they differ between any two runs by design. */
    private static final Set<String> RUN_COLUMNS = Set.of("RUN_ID", "FIRST_SEEN_RUN_ID", "CLOSED_IN_RUN_ID");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Map<String, String> reference;

    /** The checksums of an uninterrupted run's tables, computed once. */
    private static synchronized Map<String, String> expected() throws Exception {
        if (reference == null) {
            Path dir = shared.resolve("reference");
            assertEquals(0, runToEnd(dir, null), "uninterrupted run");
            reference = checksums(dir);
            assertTrue(reference.values().stream().distinct().count() > 5, "the tables have content");
        }
        return reference;
    }

    @Test
    void aKilledRunRestartsAndEndsWithTheRowsOfAnUninterruptedRun() throws Exception {
        Map<String, String> expected = expected();
        for (String killPoint : KILL_POINTS) {
            Path db = tmp.resolve("killed-" + KILL_POINTS.indexOf(killPoint));
            assertEquals(-1, runToEnd(db, killPoint), "killed at " + killPoint);
            assertEquals(0, runToEnd(db, null), "restarted after a kill at " + killPoint);
            assertEquals(expected, checksums(db), "rows after a kill at " + killPoint + " and a restart");
        }
    }

    /**
     * The worst case of a kill inside intake: a chunk's rows reached the disk but the checkpoint that
     * covers them did not (the reader's saved position is behind the rows). Simulated by putting the
     * {@code readVwap} step back to "failed, nothing saved" after its rows were committed: the restart
     * reads the whole feed again and must neither fail on the rows already there nor count them twice.
     */
    @Test
    void rowsCommittedPastTheSavedReaderPositionAreReadAgainNotTwice() throws Exception {
        Map<String, String> expected = expected();
        Path db = tmp.resolve("lost-checkpoint");
        // WRITE_DELAY=0: H2 writes every commit before returning, so the rows are surely on disk at the kill
        assertEquals(-1, runToEnd(db, "Step: [readVwap] executed", ";WRITE_DELAY=0"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.resolve("db"), "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM staged_price WHERE feed = 'VWAP'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 1000, "the VWAP rows were committed before the kill");
            }
            String vwapStep = "SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readVwap'";
            assertEquals(1, s.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED',"
                    + " READ_COUNT = 0, WRITE_COUNT = 0, COMMIT_COUNT = 0 WHERE STEP_NAME = 'readVwap'"));
            s.executeUpdate("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (" + vwapStep + ")");
        }
        assertEquals(0, runToEnd(db, null), "restarted with the VWAP checkpoint behind its rows");
        assertEquals(expected, checksums(db));
    }

    /** Runs the job in a child JVM; kills it with SIGKILL when a log line contains {@code killAt}: then -1. */
    private static int runToEnd(Path dir, String killAt) throws Exception {
        return runToEnd(dir, killAt, "");
    }

    private static int runToEnd(Path dir, String killAt, String urlSettings) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(java, "-cp", classpath, "org.debentures.compliance.app.ComplianceApplication",
                "--data-dir=" + Path.of("data").toAbsolutePath(), "--to=2007-03-28",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + urlSettings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (killAt != null && line.contains(killAt)) {
                    process.destroyForcibly(); // SIGKILL
                    process.waitFor(30, TimeUnit.SECONDS);
                    return -1;
                }
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run finished");
        if (killAt != null) {
            throw new AssertionError("the run never reached '" + killAt + "':\n" + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + ":\n" + log);
        }
        return process.exitValue();
    }

    private static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "");
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!RUN_COLUMNS.contains(meta.getColumnName(i).toUpperCase())) {
                                row.append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
                sums.put(table, rows.size() + " rows " + HexFormat.of().formatHex(digest.digest()));
            }
        }
        return sums;
    }

}
