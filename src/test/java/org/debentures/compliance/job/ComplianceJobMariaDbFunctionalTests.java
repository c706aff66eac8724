package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.debentures.compliance.store.BulkInsert;

/**
 * The same whole-job checks against MariaDB on 127.0.0.1:3306 (user root, no password) through
 * MySQL Connector/J and HikariCP, in a fresh database for this class. Without a server the class
 * is skipped with a message; under CI ({@code CI=true}) a missing server fails it.
 */
class ComplianceJobMariaDbFunctionalTests extends AbstractComplianceJobFunctionalTests {

    private static final String SERVER = MariaDbServer.URL;
    private static final String DATABASE = "compliance_it_" + System.currentTimeMillis();

    @BeforeAll
    static void createDatabase() {
        MariaDbServer.executeOrSkip("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        } catch (SQLException ignored) {
            // nothing to clean up when the server is not there
        }
    }

    /**
     * A feed delivered as one file a day for five years: the readers' per-file counts make an
     * execution context of about 100 KB, more than the TEXT column of Spring Batch's MySQL schema
     * holds (V12 makes it MEDIUMTEXT; without it this run fails with "Data too long").
     */
    @org.junit.jupiter.api.Test
    void fiveYearsOfDailyFilesFitTheExecutionContext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of("data");
        for (String folder : java.util.List.of("deals", "filings")) {
            java.nio.file.Files.createDirectories(dir.resolve(folder));
            try (var files = java.nio.file.Files.list(data.resolve(folder))) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        int daily = 0;
        for (String folder : java.util.List.of("prices/vwap", "prices/closing-bid")) {
            java.nio.file.Files.createDirectories(dir.resolve(folder));
            try (var files = java.nio.file.Files.list(data.resolve(folder))) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    java.util.List<String> lines = java.nio.file.Files.readAllLines(f);
                    for (int i = 1; i < lines.size(); i++) {
                        java.nio.file.Files.writeString(dir.resolve(folder).resolve(String.format("daily-%s-%05d.csv",
                                f.getFileName().toString().replace(".csv", ""), i)), lines.get(0) + "\n" + lines.get(i) + "\n");
                        daily++;
                    }
                }
            }
        }
        jdbc.update("DELETE FROM staged_file");
        var outcome = runs.run(new org.debentures.compliance.app.RunOptions(dir, java.util.Optional.empty(),
                java.util.Optional.of(java.time.LocalDate.parse("2007-03-28")), java.util.Optional.empty(),
                java.time.LocalDate.parse("2026-11-21")));
        assertEquals(0, outcome.exitCode(), outcome.text());
        assertEquals(2515, daily);
        assertEquals(1256L + 1259L, jdbc.queryForObject("SELECT SUM(rows_read) FROM input_file WHERE run_id = ?"
                + " AND feed <> 'FILINGS'", Long.class, outcome.runId()));
    }

    /**
     * The bulk path ({@code LOAD DATA LOCAL INFILE}, taken for 200 rows or more) stores exactly what
     * a JDBC batch stores: tabs, backslashes, quotes, line breaks, non-ASCII text, NULLs, decimals.
     */
    @org.junit.jupiter.api.Test
    void bulkLoadedRowsAreStoredExactlyAsBatchInsertedOnes() {
        java.util.List<String> columns = java.util.List.of("file_name", "line_number", "file_order", "event_date",
                "event_type", "subject", "amount", "shares", "ratio", "price", "document", "note", "raw_line", "status");
        int[] types = {java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.DATE,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.DECIMAL, java.sql.Types.BIGINT,
                java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR};
        java.util.function.Function<String, java.util.List<Object[]>> rows = file -> {
            java.util.List<Object[]> list = new java.util.ArrayList<>();
            for (int i = 1; i <= 250; i++) {
                list.add(new Object[] {file, (long) i, 0, java.sql.Date.valueOf(java.time.LocalDate.parse("2004-01-01").plusDays(i)),
                        "INTEREST_PAID", "HALIFAX-2002", i % 3 == 0 ? null : new java.math.BigDecimal("12345.67").add(java.math.BigDecimal.valueOf(i)),
                        i % 4 == 0 ? null : (long) i * 1000, null, new java.math.BigDecimal("0.0000000001"),
                        "doc\\" + i, i % 5 == 0 ? null : "tab\there, \"quoted\", line\nbreak\r, \\N, caf\u00e9 \u20ac " + i,
                        "raw,\"line\"\t" + i, "ACCEPTED"});
            }
            return list;
        };
        new org.debentures.compliance.store.BulkInsert(jdbc).insert("staged_filing", columns, rows.apply("bulk.csv"), types);
        jdbc.batchUpdate("INSERT INTO staged_filing (" + String.join(", ", columns) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows.apply("batch.csv"), types);
        String select = "SELECT line_number, file_order, event_date, event_type, subject, amount, shares, ratio, price, document,"
                + " note, raw_line, status FROM staged_filing WHERE file_name = ? ORDER BY line_number";
        java.util.List<java.util.Map<String, Object>> bulk = jdbc.queryForList(select, "bulk.csv");
        assertEquals(250, bulk.size());
        assertEquals(jdbc.queryForList(select, "batch.csv"), bulk);
        jdbc.update("DELETE FROM staged_filing WHERE file_name IN ('bulk.csv', 'batch.csv')");
    }

    /**
     * {@code LOAD DATA LOCAL} skips a row with a duplicate key with a warning instead of failing the
     * statement: the bulk path must fail instead, naming the rows not stored, and store nothing of it
     * once the transaction rolls back.
     */
    @org.junit.jupiter.api.Test
    void aBulkLoadThatCannotStoreEveryRowFailsInsteadOfDroppingRows() {
        java.util.List<String> columns = java.util.List.of("symbol", "price_date", "market_price", "window_trading_days");
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // day 150 twice: the second row has the key of the first
            rows.add(new Object[] {"DUPL", java.time.LocalDate.parse("2003-01-01").plusDays(i == 151 ? 150 : i),
                    new java.math.BigDecimal("1.25"), 5});
        }
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> tx.executeWithoutResult(
                status -> new org.debentures.compliance.store.BulkInsert(jdbc).insert("market_price", columns,
                        rows, new int[] {java.sql.Types.VARCHAR, java.sql.Types.DATE, java.sql.Types.DECIMAL,
                                java.sql.Types.INTEGER})));
        String message = String.valueOf(failure.getMessage()) + failure.getCause();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("stored 299 of 300 rows")
                && message.contains("Duplicate entry"), message);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM market_price WHERE symbol = 'DUPL'", Integer.class));
    }

    @org.junit.jupiter.api.Test
    void theReportingUserReadsTheAudienceViewsOnly() throws Exception {
        assertEquals(0, runs.run(new org.debentures.compliance.app.RunOptions(java.nio.file.Path.of("data"),
                java.util.Optional.empty(), java.util.Optional.of(java.time.LocalDate.parse("2003-03-31")),
                java.util.Optional.empty(), java.time.LocalDate.parse("2026-11-21"))).exitCode());
        String user = "rpt_" + (System.currentTimeMillis() % 100000);
        String script = new String(getClass().getResourceAsStream("/sql/mysql/reporting-user.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("${user}", user).replace("${host}", "%")
                .replace("${password}", "test-only-secret");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "root", ""); Statement s = c.createStatement()) {
            String withoutComments = script.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            for (String statement : withoutComments.split(";")) {
                String sql = statement.strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, user, "test-only-secret");
             Statement s = c.createStatement()) {
            java.util.List<String> views = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                }
            }
            // 18 views, legal_covenant_tests (SPEC §12, V21), treasury_mandatory_redemptions (SPEC §14, V22),
            // legal_registration_coverage and legal_conversion_price_history (SPEC §15-§16, V24)
            assertEquals(22, views.size(), "the user sees every legal_ and treasury_ view: " + views);
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM legal_exceptions")) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertTrue(rs.getInt(1) > 0);
            }
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT * FROM compliance_exception"), "no access to the tables");
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM legal_exceptions"), "read-only");
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theDatabaseLostMidRunGivesAClearFailureNothingHalfVisibleAndTheNextRunRecovers() throws Exception {
        String database = DATABASE + "_lost";
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try (TcpCutProxy proxy = new TcpCutProxy(3306)) {
            String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + database + "?rewriteBatchedStatements=true";
            ChildRun lost = ChildRun.start(url, "Executing step: [computeResults]", proxy::cut);
            assertEquals(4, lost.exitCode(), lost.log());
            org.junit.jupiter.api.Assertions.assertTrue(lost.log().contains("DATABASE UNAVAILABLE"), lost.log());
            try (Connection c = DriverManager.getConnection(SERVER + database, "root", ""); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM market_price")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing of the lost run's results is visible");
            }
            proxy.restore();
            ChildRun next = ChildRun.start(url, null, null);
            assertEquals(0, next.exitCode(), next.log());
            org.junit.jupiter.api.Assertions.assertTrue(next.log().contains("restart of run"), next.log());
            try (Connection c = DriverManager.getConnection(SERVER + database, "root", ""); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM market_price")) {
                rs.next();
                assertEquals(1827, rs.getInt(1));
            }
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** The job in a child JVM; {@code onLine} runs when its log reaches {@code trigger}. */
    record ChildRun(int exitCode, String log) {
        static ChildRun start(String url, String trigger, Runnable onLine) throws Exception {
            String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process process = new ProcessBuilder(javaBin, "-cp", classpath,
                    "org.debentures.compliance.app.ComplianceApplication",
                    "--data-dir=" + java.nio.file.Path.of("data").toAbsolutePath(), "--to=2007-03-28",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=root",
                    "--spring.datasource.password=", "--spring.datasource.hikari.connection-timeout=2000")
                    .redirectErrorStream(true).start();
            StringBuilder log = new StringBuilder();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.append(line).append('\n');
                    if (trigger != null && line.contains(trigger)) {
                        onLine.run();
                    }
                }
            }
            process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            return new ChildRun(process.exitValue(), log.toString());
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // allowLoadLocalInfileInPath: the bulk-load path the job takes on MySQL (added to a URL given on the command line)
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + "?rewriteBatchedStatements=true&allowLoadLocalInfileInPath="
                + org.debentures.compliance.store.BulkLoadDirectory.path());
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }
}
