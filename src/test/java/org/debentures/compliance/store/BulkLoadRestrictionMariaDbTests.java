package org.debentures.compliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.app.ComplianceApplication;
import org.debentures.compliance.job.MariaDbServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23: through the job's own data source (a MySQL URL given as a user gives it, without any local-infile
 * option), {@code LOAD DATA LOCAL INFILE} of a file of the host fails in the driver, while the job's own bulk loads
 * still take the bulk path and store every row. On MariaDB at 127.0.0.1:3306 (skipped without it; required under CI).
 */
@SpringBootTest(classes = ComplianceApplication.class, properties = {"compliance.command-line.enabled=false",
        // as a user gives it on the command line: the job adds its own bulk-load setting
        "spring.datasource.url=" + MariaDbServer.URL + BulkLoadRestrictionMariaDbTests.DATABASE
                + "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true",
        "spring.datasource.username=root", "spring.datasource.password="})
class BulkLoadRestrictionMariaDbTests {

    static final String DATABASE = "compliance_bulk_probe";

    @BeforeAll
    static void freshDatabase() {
        MariaDbServer.executeOrSkip("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHostFileCannotBeLoadedWhileTheJobsBulkLoadsStillWork() {
        jdbc.execute("CREATE TABLE bulk_probe (id INT NOT NULL PRIMARY KEY, label VARCHAR(200))");
        // the driver refuses a file outside the job's bulk-load folder, before the server sees a byte of it
        Exception refused = assertThrows(Exception.class, () -> jdbc.execute(
                "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE bulk_probe (label)"));
        String message = String.valueOf(refused.getMessage()) + " " + refused.getCause();
        assertTrue(message.contains("is not under the safe path"), message);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM bulk_probe", Integer.class));
        // the connection carries the restricted setting, never allowLoadLocalInfile=true
        String path = jdbc.execute((ConnectionCallback<String>) c -> c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)
                .getPropertySet().getStringProperty(com.mysql.cj.conf.PropertyKey.allowLoadLocalInfileInPath).getValue());
        assertEquals(BulkLoadDirectory.path().toString(), path);
        Boolean all = jdbc.execute((ConnectionCallback<Boolean>) c -> c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)
                .getPropertySet().getBooleanProperty(com.mysql.cj.conf.PropertyKey.allowLoadLocalInfile).getValue());
        assertEquals(false, all);

        // the job's own bulk load: 1,000 rows (above the batch threshold) through the bulk path, all stored, and the
        // folder empty again afterwards
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {i, "row\t" + i + " with a tab, a back\\slash and a 'quote'"});
        }
        new BulkInsert(jdbc).insert("bulk_probe", List.of("id", "label"), rows, new int[] {Types.INTEGER, Types.VARCHAR});
        assertEquals(1000, jdbc.queryForObject("SELECT COUNT(*) FROM bulk_probe", Integer.class));
        assertEquals("row\t7 with a tab, a back\\slash and a 'quote'",
                jdbc.queryForObject("SELECT label FROM bulk_probe WHERE id = 7", String.class));
        assertEquals(0, BulkLoadDirectory.path().toFile().list().length, "no bulk-load file is left behind");
    }
}
