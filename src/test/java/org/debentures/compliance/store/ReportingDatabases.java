package org.debentures.compliance.store;

import java.util.List;
import java.util.function.Supplier;
import org.debentures.compliance.job.MariaDbServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Named;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases every data-access class is tested on, each new and migrated with the job's
 * Flyway migrations: an in-memory H2 database, and a database on the MariaDB server at
 * 127.0.0.1:3306 through MySQL Connector/J (skipped without a server, failed under CI).
 */
public final class ReportingDatabases {

    private ReportingDatabases() {
    }

    /** For {@code @MethodSource}: H2 and MariaDB, each created when a test asks for it. */
    public static List<Named<Supplier<JdbcTemplate>>> both(String name) {
        return List.of(Named.of("H2", () -> EmbeddedReportingDatabase.create(name)),
                Named.of("MariaDB", () -> mariaDb(name)));
    }

    /** A new database on the MariaDB server with the job's schema ({@code store_NAME}, dropped first if it is there). */
    public static JdbcTemplate mariaDb(String name) {
        String database = ("store_" + name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        MariaDbServer.executeOrSkip("DROP DATABASE IF EXISTS " + database);
        MariaDbServer.executeOrSkip("CREATE DATABASE " + database);
        String url = MariaDbServer.URL + database + "?rewriteBatchedStatements=true&allowLoadLocalInfileInPath="
                + org.debentures.compliance.store.BulkLoadDirectory.path();
        Flyway.configure().dataSource(url, "root", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/mysql").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "root", ""));
    }
}
