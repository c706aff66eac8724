package org.debentures.compliance.store;

import org.debentures.compliance.store.output.ResultGenerations;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of a data-access class share: the database they run on, a new in-memory H2 database
 * with the job's schema here, overridden by their {@code *MariaDbTest} subclass to run the same tests on
 * MariaDB ({@link ReportingDatabases#mariaDb}).
 */
public abstract class StoreTest {

    private long jobInstance = 1000;

    protected JdbcTemplate newDatabase(String name) {
        return EmbeddedReportingDatabase.create(name);
    }

    /** A batch under a new run generation, as a run's {@code beginResults} step begins one. */
    protected WriteBatch newRun(JdbcTemplate jdbc) {
        return new WriteBatch(jdbc, new ResultGenerations(jdbc).begin(jobInstance++));
    }

    /**
     * Sends the batch and publishes its generation, as the run's {@code publishResults} step does,
     * then deletes the rows it replaced ({@code pruneResults}).
     */
    protected void publish(JdbcTemplate jdbc, WriteBatch writes) {
        writes.flush();
        ResultGenerations generations = new ResultGenerations(jdbc);
        generations.publish(writes.generation());
        generations.pruneReplaced();
    }
}
