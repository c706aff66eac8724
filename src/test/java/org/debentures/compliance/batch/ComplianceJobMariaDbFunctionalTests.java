package org.debentures.compliance.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same whole-job checks against MariaDB on 127.0.0.1:3306 (user root, no password) through
 * MySQL Connector/J and HikariCP, in a fresh database for this class. Without a server the class
 * is skipped with a message; under CI ({@code CI=true}) a missing server fails it.
 */
class ComplianceJobMariaDbFunctionalTests extends AbstractComplianceJobFunctionalTests {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String DATABASE = "compliance_it_" + System.currentTimeMillis();

    @BeforeAll
    static void createDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            String why = "MariaDB/MySQL not reachable on 127.0.0.1:3306 as root (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI must run this suite: .ci/run starts the server");
            }
            Assumptions.abort("skipped: " + why);
        }
    }

    @AfterAll
    static void dropDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        } catch (SQLException ignored) {
            // nothing to clean up when the server is not there
        }
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
            assertEquals(18, views.size(), "the user sees every legal_ and treasury_ view: " + views);
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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + "?rewriteBatchedStatements=true");
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }
}
