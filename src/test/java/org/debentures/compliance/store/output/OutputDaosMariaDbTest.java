package org.debentures.compliance.store.output;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link OutputDaosTest} on MariaDB through MySQL Connector/J, a database of their own. */
class OutputDaosMariaDbTest extends OutputDaosTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
