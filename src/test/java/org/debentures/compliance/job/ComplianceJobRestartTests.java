package org.debentures.compliance.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * Killed runs restart and end with an uninterrupted run's rows, on the embedded H2 file database
 * (the feeds are read one after another there: {@code ComplianceJobConfiguration.readFeedsSideBySide}).
 * On H2 the run after a kill starts from the copy of the file made before the killed run
 * ({@code EmbeddedDatabaseKillGuard}: H2 may keep a killed transaction's rows locked), so these
 * tests check that path end to end; Spring Batch's restart from the failed step after a kill is
 * checked on MariaDB ({@link ComplianceJobMariaDbRestartTests}).
 */
class ComplianceJobRestartTests extends KilledRunRestarts {

    @Override
    String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    @Override
    List<String> connectionArguments() {
        return List.of();
    }

    @Override
    Connection connect(Path dir) throws Exception {
        return DriverManager.getConnection(url(dir), "sa", "");
    }

    @Override
    boolean feedsSideBySide() {
        return false;
    }

    /** H2 writes every commit before returning, so the rows are surely on disk at the kill. */
    @Override
    String durableCommits() {
        return ";WRITE_DELAY=0";
    }
}
