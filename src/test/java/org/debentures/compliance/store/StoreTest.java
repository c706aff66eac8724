package org.debentures.compliance.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of a data-access class share: the database they run on, a new in-memory H2 database
 * with the job's schema here, overridden by their {@code *MariaDbTest} subclass to run the same tests on
 * MariaDB ({@link ReportingDatabases#mariaDb}).
 */
public abstract class StoreTest {

    protected JdbcTemplate newDatabase(String name) {
        return EmbeddedReportingDatabase.create(name);
    }
}
