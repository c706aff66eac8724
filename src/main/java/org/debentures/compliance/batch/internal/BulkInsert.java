package org.debentures.compliance.batch.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Iterator;
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
                }
                return null;
            });
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(columns.size(), "?"));
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")", rows, types);
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

    /** Appends a value as a {@code LOAD DATA} field: {@code \\N} for null, tab, newline and backslash escaped. */
    static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof BigDecimal number) {
            out.append(number.toPlainString());
        } else if (value instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof LocalDate date) {
            appendDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        } else if (value instanceof Date date) {
            out.append(date); // yyyy-mm-dd
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }

    private static void appendDate(StringBuilder out, int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            out.append(LocalDate.of(year, month, day));
            return;
        }
        out.append(year).append('-');
        if (month < 10) {
            out.append('0');
        }
        out.append(month).append('-');
        if (day < 10) {
            out.append('0');
        }
        out.append(day);
    }

    /** The rows as tab-separated UTF-8 lines, formatted a few at a time as they are read. */
    static final class TsvRows extends InputStream {

        private final Iterator<Object[]> rows;
        private final StringBuilder line = new StringBuilder(256);
        private byte[] buffer = new byte[0];
        private int position;

        TsvRows(List<Object[]> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int copied = 0;
            while (copied < length && fill()) {
                int n = Math.min(length - copied, buffer.length - position);
                System.arraycopy(buffer, position, target, offset + copied, n);
                position += n;
                copied += n;
            }
            return copied == 0 ? -1 : copied;
        }

        /** True when there is something left to read: formats the next few rows when the last are used up. */
        private boolean fill() {
            if (position < buffer.length) {
                return true;
            }
            if (!rows.hasNext()) {
                return false;
            }
            line.setLength(0);
            for (int n = 0; n < 64 && rows.hasNext(); n++) {
                Object[] row = rows.next();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    appendField(line, row[i]);
                }
                line.append('\n');
            }
            buffer = line.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
