package org.debentures.compliance.job;

import java.nio.file.Path;
import org.debentures.compliance.app.ComplianceApplication;
import org.debentures.compliance.app.ComplianceRunService;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the tests that run the whole job share: the application without its command line, the run
 * service, the database and deal files, a temporary directory. Subclasses choose the database.
 */
@SpringBootTest(classes = ComplianceApplication.class, properties = "compliance.command-line.enabled=false")
abstract class WholeJobTest {

    @Autowired
    protected ComplianceRunService runs;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected DealBookProvider deals;

    @TempDir
    protected Path tmp;

    /**
     * The table a test deletes or changes rows in: for an output table (a view of the published run
     * generation), the table that holds its rows, every generation's; other tables as named.
     */
    static String rowsOf(String table) {
        return org.debentures.compliance.store.output.ResultGenerations.TABLE_KEYS.containsKey(table)
                ? org.debentures.compliance.store.WriteBatch.dataTable(table) : table;
    }

    /** A fresh file H2 database for the test class, under {@code target/test-db/NAME-...}. */
    static void freshFileH2(DynamicPropertyRegistry registry, String name) {
        Path db = Path.of("target/test-db/" + name + "-" + System.nanoTime()).toAbsolutePath();
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + db);
    }
}
