package org.debentures.compliance.store;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A new in-memory H2 database with the job's schema (its Flyway migrations), for the writers' tests. */
public final class EmbeddedReportingDatabase {

    private EmbeddedReportingDatabase() {
    }

    public static JdbcTemplate create(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }
}
