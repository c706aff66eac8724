package org.debentures.compliance.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Killed runs restart and end with an uninterrupted run's rows, on MariaDB through MySQL Connector/J
 * (127.0.0.1:3306, root, no password), where the three feeds are read side by side: a kill can
 * stop several intake steps at once, each mid-way. One database per run directory, dropped at the
 * end. Without a server the class is skipped ({@link MariaDbServer}).
 */
class ComplianceJobMariaDbRestartTests extends KilledRunRestarts {

    private static final String SERVER = MariaDbServer.URL;
    private static final String PREFIX = "compliance_restart_" + System.currentTimeMillis() + "_";
    private static final Map<Path, String> DATABASES = new HashMap<>();

    @BeforeAll
    static void serverUp() {
        MariaDbServer.executeOrSkip("SELECT 1");
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            for (String database : new ArrayList<>(DATABASES.values())) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static String database(Path dir) throws SQLException {
        synchronized (DATABASES) {
            String name = DATABASES.get(dir);
            if (name == null) {
                name = PREFIX + DATABASES.size();
                try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                DATABASES.put(dir, name);
            }
            return name;
        }
    }

    @Override
    boolean feedsSideBySide() {
        return true;
    }

    /** The kills amid the feeds read side by side, and one in the results transaction (the H2 class has every point). */
    @Override
    List<String> killPoints() {
        return List.of(KILL_POINTS.get(0), KILL_POINTS.get(1), KILL_POINTS.get(2), "computed the deals' rules by symbol");
    }

    @Override
    String url(Path dir) throws SQLException {
        return SERVER + database(dir) + "?rewriteBatchedStatements=true";
    }

    @Override
    List<String> connectionArguments() {
        return List.of("--spring.datasource.username=root", "--spring.datasource.password=");
    }

    @Override
    Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection(SERVER + database(dir), "root", "");
    }
}
