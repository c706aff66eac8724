package org.debentures.compliance.store.output;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link ConversionTablesTest} on MariaDB, a database of their own. */
class ConversionTablesMariaDbTest extends ConversionTablesTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
