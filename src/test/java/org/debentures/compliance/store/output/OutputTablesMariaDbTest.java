package org.debentures.compliance.store.output;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link OutputTablesTest} on MariaDB through MySQL Connector/J (bulk loads included), a database of their own. */
class OutputTablesMariaDbTest extends OutputTablesTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
