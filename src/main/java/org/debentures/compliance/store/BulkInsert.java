package org.debentures.compliance.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one table in the current transaction. On MySQL and MariaDB (Connector/J
 * with {@code allowLoadLocalInfile=true}) the rows are streamed from memory with
 * {@code LOAD DATA LOCAL INFILE}, the bulk path the benchmark's floor uses; elsewhere (H2), or when
 * the server refuses it, with a JDBC batch. Either way the rows are part of the transaction.
 */
public final class BulkInsert {

    /** Below this many rows a batch is as quick as a bulk load. */
    private static final int BULK_THRESHOLD = 200;

    private final JdbcTemplate jdbc;
    private volatile Boolean bulk;

    public BulkInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param types the {@link java.sql.Types} of the columns, for the batch path
     */
    public void insert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() >= BULK_THRESHOLD && bulkAvailable()) {
            String sql = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + String.join(", ", columns) + ")";
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    // the rows are written out as the driver sends them, so the server loads the first
                    // rows while the last are still being formatted, and no copy of them all is made
                    statement.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(new TsvRows(rows));
                    statement.execute(sql);
                    // LOAD DATA LOCAL skips a row it cannot store (a duplicate key) with a warning instead of
                    // failing: a row not stored fails the load here, so none is lost silently
                    int stored = statement.getUpdateCount();
                    if (stored != rows.size()) {
                        throw new java.sql.SQLDataException("bulk load into " + table + " stored " + stored + " of "
                                + rows.size() + " rows: " + warnings(statement));
                    }
                }
                return null;
            });
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(columns.size(), "?"));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")";
        if (types == null) {
            jdbc.batchUpdate(sql, rows);
        } else {
            jdbc.batchUpdate(sql, rows, types);
        }
    }

    private static String warnings(Statement statement) throws java.sql.SQLException {
        List<String> messages = new java.util.ArrayList<>();
        try (var rs = statement.executeQuery("SHOW WARNINGS LIMIT 5")) {
            while (rs.next()) {
                messages.add(rs.getString(3));
            }
        }
        return messages.isEmpty() ? "no warning given" : String.join("; ", messages);
    }

    private boolean bulkAvailable() {
        if (bulk == null) {
            bulk = jdbc.execute((ConnectionCallback<Boolean>) BulkInsert::supportsLocalInfile);
        }
        return bulk;
    }

    private static boolean supportsLocalInfile(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String url = connection.getMetaData().getURL();
            return (product.contains("mysql") || product.contains("mariadb")) && url != null
                    && url.toLowerCase(Locale.ROOT).contains("allowloadlocalinfile=true")
                    && connection.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
