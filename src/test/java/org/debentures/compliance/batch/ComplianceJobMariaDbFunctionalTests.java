package org.debentures.compliance.batch;

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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + "?rewriteBatchedStatements=true");
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }
}
