package org.debentures.compliance.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link AbstractPartitionedResultsTests} on MariaDB (127.0.0.1:3306, root), in a database of its own,
 * where the partitions run side by side (two threads) and bulk-load their rows.
 */
@TestPropertySource(properties = {AbstractPartitionedResultsTests.PARTITIONS,
        AbstractPartitionedResultsTests.ONE_SYMBOL_A_CHUNK, "compliance.results.threads=2"})
class PartitionedResultsMariaDbTests extends AbstractPartitionedResultsTests {

    private static final String DATABASE = "compliance_partitioned_" + System.currentTimeMillis();

    @BeforeAll
    static void createDatabase() {
        MariaDbServer.executeOrSkip("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        try (Connection c = DriverManager.getConnection(MariaDbServer.URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        } catch (SQLException ignored) {
            // nothing to clean up when the server is not there
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> MariaDbServer.URL + DATABASE
                + "?rewriteBatchedStatements=true&allowLoadLocalInfileInPath="
                + org.debentures.compliance.store.BulkLoadDirectory.path());
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    void injectFault() {
        jdbc.execute("""
                CREATE TRIGGER refuse_faulty_symbol BEFORE INSERT ON market_price_data FOR EACH ROW
                BEGIN
                  IF NEW.symbol = '%s' THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault: no Market Price rows of %s';
                  END IF;
                END""".formatted(FAULTY_SYMBOL, FAULTY_SYMBOL));
    }

    @Override
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_faulty_symbol");
    }
}
