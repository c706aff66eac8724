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
            "computed Market Prices",
            "computed interest ledgers",
            "Executing step: [export]");

    private static final List<String> TABLES = List.of("market_price", "vwap_test", "registration_default_day",
            "interest_accrual", "interest_due", "penalty_accrual", "penalty_balance", "compliance_exception",
            "input_reject", "default_interest_month", "conversion_delivery", "mandatory_redemption_price",
            "conversion_readiness", "conversion_readiness_condition", "conversion_price_history", "upcoming_deadline",
            "deal_watermark", "staged_price", "staged_filing");

    /** Columns that name runs: they differ between any two runs by design. */
    private static final Set<String> RUN_COLUMNS = Set.of("RUN_ID", "FIRST_SEEN_RUN_ID", "CLOSED_IN_RUN_ID");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunRestartsAndEndsWithTheRowsOfAnUninterruptedRun() throws Exception {
        Path reference = tmp.resolve("reference");
        assertEquals(0, runToEnd(reference, null), "uninterrupted run");
        Map<String, String> expected = checksums(reference);
        assertTrue(expected.values().stream().distinct().count() > 5, "the tables have content");

        for (String killPoint : KILL_POINTS) {
            Path db = tmp.resolve("killed-" + KILL_POINTS.indexOf(killPoint));
            assertEquals(-1, runToEnd(db, killPoint), "killed at " + killPoint);
            assertEquals(0, runToEnd(db, null), "restarted after a kill at " + killPoint);
            assertEquals(expected, checksums(db), "rows after a kill at " + killPoint + " and a restart");
        }
    }

    /** Runs the job in a child JVM; kills it with SIGKILL when a log line contains {@code killAt}: then -1. */
    private static int runToEnd(Path dir, String killAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(java, "-cp", classpath, "org.debentures.compliance.app.ComplianceApplication",
                "--data-dir=" + Path.of("data").toAbsolutePath(), "--to=2007-03-28",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"));
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
