package org.debentures.compliance.store.intake;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link InputRejectTableTest} on MariaDB through MySQL Connector/J, a database of their own. */
class InputRejectTableMariaDbTest extends InputRejectTableTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
