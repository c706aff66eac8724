package org.debentures.compliance.store.output;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link CovenantTablesTest} on MariaDB, a database of their own. */
class CovenantTablesMariaDbTest extends CovenantTablesTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
