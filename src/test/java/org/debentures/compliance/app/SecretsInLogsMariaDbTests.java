package org.debentures.compliance.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.debentures.compliance.job.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a run given a password on the command line (a MariaDB user of its own, 127.0.0.1:3306) never shows it:
 * not in its log (which names the data-source URL without credentials), not in the run record, the Spring Batch
 * tables or the exports. The run is a child JVM, as an operator starts it.
 */
class SecretsInLogsMariaDbTests {

    private static final String DATABASE = "compliance_secrets_probe";
    private static final String USER = "compliance_secrets";
    private static final String PASSWORD = "Pw-" + Long.toHexString(System.nanoTime()) + "-never-shown";

    @BeforeAll
    static void userWithAPassword() {
        MariaDbServer.executeOrSkip("DROP DATABASE IF EXISTS " + DATABASE);
        MariaDbServer.executeOrSkip("CREATE DATABASE " + DATABASE);
        MariaDbServer.executeOrSkip("DROP USER IF EXISTS '" + USER + "'@'%'");
        MariaDbServer.executeOrSkip("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        MariaDbServer.executeOrSkip("GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'%'");
    }

    @AfterAll
    static void dropUser() {
        MariaDbServer.executeOrSkip("DROP USER IF EXISTS '" + USER + "'@'%'");
    }

    @Test
    void aPasswordGivenOnTheCommandLineIsInNoLogRunRecordOrExport() throws Exception {
        Path export = Files.createTempDirectory("secrets-export");
        String url = MariaDbServer.URL + DATABASE + "?rewriteBatchedStatements=true";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process run = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
                "org.debentures.compliance.app.ComplianceApplication", "--data-dir=" + Path.of("data").toAbsolutePath(),
                "--to=2003-12-31", "--business-date=2026-11-21", "--export-dir=" + export,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD).redirectErrorStream(true).start();
        String log = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(240, TimeUnit.SECONDS));
        assertEquals(ExitCodes.OK, run.exitValue(), log);
        assertTrue(log.contains("reporting database: " + MariaDbServer.URL + DATABASE + "?rewriteBatchedStatements=true"
                + "&allowLoadLocalInfileInPath="), "the log names the URL, without credentials:\n" + log);
        assertFalse(log.contains(PASSWORD), "the password is in the log");

        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(export)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.size() > 20, "the exports and the report site: " + files.size());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(PASSWORD), file + " holds the password");
        }
        try (Connection c = DriverManager.getConnection(MariaDbServer.URL + DATABASE, "root", "");
             Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT * FROM job_run", "SELECT * FROM BATCH_JOB_EXECUTION_PARAMS",
                    "SELECT * FROM BATCH_JOB_EXECUTION_CONTEXT", "SELECT * FROM BATCH_STEP_EXECUTION_CONTEXT")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            assertFalse(String.valueOf(rs.getString(i)).contains(PASSWORD), sql + " holds the password");
                        }
                    }
                    assertTrue(rows > 0, sql + " has rows to check");
                }
            }
        }
    }
}
