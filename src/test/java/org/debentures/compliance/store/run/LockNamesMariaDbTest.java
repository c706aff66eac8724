package org.debentures.compliance.store.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A named lock belongs to the MariaDB server, not to a database: the job's run locks and partition claims name their
 * database, so that runs of the same deal in two databases of one server do not refuse each other, while a second
 * run in the same database is still refused.
 */
class LockNamesMariaDbTest {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final List<String> DATABASES = List.of("lock_names_a", "lock_names_b");

    @BeforeAll
    static void databases() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            for (String database : DATABASES) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + database);
            }
        } catch (java.sql.SQLException e) {
            org.junit.jupiter.api.Assumptions.abort("MariaDB is not reachable on 127.0.0.1:3306: " + e.getMessage());
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            for (String database : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static HikariDataSource source(String database) {
        HikariDataSource source = new HikariDataSource();
        source.setJdbcUrl(SERVER + database);
        source.setUsername("root");
        source.setPassword("");
        source.setMaximumPoolSize(3);
        return source;
    }

    @Test
    void theSameDealInTwoDatabasesOfOneServerIsNotRefusedButTwiceInOneIs() throws Exception {
        try (HikariDataSource a = source(DATABASES.get(0)); HikariDataSource b = source(DATABASES.get(1));
             RunLock first = RunLock.acquire(a, List.of("RAMTRON-2002", "OTHER-DEAL"))) {
            try (RunLock other = RunLock.acquire(b, List.of("RAMTRON-2002"))) {
                assertTrue(other != null, "the same deal in another database is free");
            }
            RunLock.Held held = assertThrows(RunLock.Held.class, () -> RunLock.acquire(a, List.of("RAMTRON-2002")));
            assertTrue(held.getMessage().startsWith("deal RAMTRON-2002 is being processed by another run"),
                    held.getMessage());
        }
    }

    @Test
    void aPartitionClaimOfOneDatabaseDoesNotHoldTheSameStepExecutionOfAnother() throws Exception {
        try (HikariDataSource a = source(DATABASES.get(0)); HikariDataSource b = source(DATABASES.get(1));
             PartitionClaim claim = PartitionClaim.take(a, 5, java.time.Duration.ZERO)) {
            assertTrue(claim != null);
            try (PartitionClaim other = PartitionClaim.take(b, 5, java.time.Duration.ZERO)) {
                assertTrue(other != null, "step execution 5 of the other database is not claimed");
            }
            assertEquals(null, PartitionClaim.take(a, 5, java.time.Duration.ZERO), "but in the same database it is");
        }
    }

    @Test
    void namesStayWithinTheServersSixtyFourCharactersAndApart() {
        String shortName = LockNames.of("compliance", "deal", "RAMTRON-2002");
        assertEquals("debenture-compliance:compliance:deal:RAMTRON-2002", shortName);
        String longDeal = "A-VERY-LONG-DEAL-IDENTIFIER-OF-A-FUND-PORTFOLIO-WITH-SERIES-AND-TRANCHE-2002";
        String first = LockNames.of("compliance_production", "deal", longDeal);
        String second = LockNames.of("compliance_rehearsal", "deal", longDeal);
        assertEquals(LockNames.MAX_LENGTH, first.length());
        assertNotEquals(first, second);
        assertEquals(first, LockNames.of("compliance_production", "deal", longDeal), "the same name every time");
    }
}
