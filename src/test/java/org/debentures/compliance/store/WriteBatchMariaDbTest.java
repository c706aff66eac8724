package org.debentures.compliance.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link WriteBatchTest} on MariaDB through MySQL Connector/J (bulk loads included), a database of their own. */
class WriteBatchMariaDbTest extends WriteBatchTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
