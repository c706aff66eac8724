package org.debentures.compliance.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one table in the current transaction. On MySQL and MariaDB (Connector/J with
 * {@code allowLoadLocalInfileInPath} naming the job's {@link BulkLoadDirectory}, as the job sets it) the rows are
 * written to a file there and loaded with {@code LOAD DATA LOCAL INFILE}, the bulk path the benchmark's floor uses;
 * elsewhere (H2) with a JDBC batch. Either way the rows are part of the transaction. Issue 23: the driver may read no
 * file outside that folder, so a server cannot ask it for the host's files.
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
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                // the rows go to a file of the job's own bulk-load folder, the one folder the driver may read
                // (allowLoadLocalInfileInPath), and the server loads them from there; the file lives only as long as
                // the load
                java.nio.file.Path file;
                try {
                    file = java.nio.file.Files.createTempFile(BulkLoadDirectory.path(), table + "-", ".tsv");
                    try (java.io.InputStream tsv = new TsvRows(rows)) {
                        java.nio.file.Files.copy(tsv, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (java.io.IOException e) {
                    throw new java.sql.SQLException("cannot write the bulk-load file for " + table + ": " + e.getMessage(), e);
                }
                String sql = "LOAD DATA LOCAL INFILE '" + file.toString().replace("\\", "\\\\").replace("'", "\\'")
                        + "' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                        + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                        + String.join(", ", columns) + ")";
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                    // LOAD DATA LOCAL skips a row it cannot store (a duplicate key) with a warning instead of
                    // failing: a row not stored fails the load here, so none is lost silently
                    int stored = statement.getUpdateCount();
                    if (stored != rows.size()) {
                        throw new java.sql.SQLDataException("bulk load into " + table + " stored " + stored + " of "
                                + rows.size() + " rows: " + warnings(statement));
                    }
                } finally {
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                    } catch (java.io.IOException ignored) {
                        file.toFile().deleteOnExit();
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
            if (!(product.contains("mysql") || product.contains("mariadb")) || url == null
                    || !connection.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class)) {
                return false;
            }
            String path = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getPropertySet()
                    .getStringProperty(com.mysql.cj.conf.PropertyKey.allowLoadLocalInfileInPath).getValue();
            boolean all = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getPropertySet()
                    .getBooleanProperty(com.mysql.cj.conf.PropertyKey.allowLoadLocalInfile).getValue();
            return all || (path != null && BulkLoadDirectory.path().startsWith(java.nio.file.Path.of(path).toRealPath()));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
