package org.debentures.compliance.store.intake;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link StagedFilingTableTest} on MariaDB through MySQL Connector/J (bulk loads included), a database of their own. */
class StagedFilingTableMariaDbTest extends StagedFilingTableTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
