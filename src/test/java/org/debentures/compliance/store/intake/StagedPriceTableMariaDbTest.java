package org.debentures.compliance.store.intake;

import org.debentures.compliance.store.ReportingDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests of {@link StagedPriceTableTest} on MariaDB through MySQL Connector/J (bulk loads included), a database of their own. */
class StagedPriceTableMariaDbTest extends StagedPriceTableTest {

    @Override
    protected JdbcTemplate newDatabase(String name) {
        return ReportingDatabases.mariaDb(name);
    }
}
