package org.debentures.compliance.tools.bench;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of the benchmark (issue #9): what the full rerun cannot go below on this machine. In one
 * process it (1) parses the same input CSVs with OpenCSV, no validation, and (2) bulk-loads with
 * {@code LOAD DATA LOCAL INFILE} the same rows the job left in the tables it writes, into empty
 * copies of those tables, three times ({@code -Dfloor.repeats}), the fastest load counting. Only
 * (1) and (2) are timed (dumping the rows to files and making the copies is not).
 * Prints {@code floor-parse-ms=.. floor-load-ms=.. floor-rows=..}.
 *
 * <p>Also times the Market Price of every symbol and day as one MariaDB window-function query
 * (trading-day windows of five prior bids, without the Debenture 4(b) split adjustment or any
 * evidence), for comparison with the job's Market Price work: {@code window-query-ms=..}.
 *
 * <p>Usage: {@code FloorBenchmark DATA_DIR JDBC_URL USER PASSWORD} (the URL of the database the full run wrote).
 */
public final class FloorBenchmark {

    /**
     * The tables the job writes; of the output tables, the tables that hold their rows
     * ({@code <table>_data}, with the run generation columns), as the job writes them.
     */
    static final List<String> TABLES = List.of("staged_price", "staged_filing", "input_reject", "market_price_data",
            "vwap_test_data", "registration_default_day_data", "interest_accrual_data", "interest_due_data",
            "penalty_accrual_data", "penalty_balance_data", "compliance_exception_data", "default_interest_month_data",
            "conversion_delivery_data", "mandatory_redemption_price_data", "conversion_readiness_data",
            "conversion_readiness_condition_data", "conversion_price_history_data", "upcoming_deadline_data");

    /** How many times the load is timed (the fastest counts). */
    static final int REPEATS = Integer.getInteger("floor.repeats", 3);

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String url = args[1] + (args[1].contains("?") ? "&" : "?") + "allowLoadLocalInfile=true";
        try (Connection c = DriverManager.getConnection(url, args[2], args.length > 3 ? args[3] : "")) {
            long parseStart = System.nanoTime();
            long parsed = parse(dataDir);
            long parseMs = (System.nanoTime() - parseStart) / 1_000_000;

            Path dump = Files.createTempDirectory("floor");
            try {
                run(c, dump, parseMs, parsed);
            } finally {
                // the rows dumped (about 500 MB for the bench portfolio) are not left behind
                try (Stream<Path> files = Files.list(dump)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dump);
            }
        }
    }

    private static void run(Connection c, Path dump, long parseMs, long parsed) throws Exception {
        long rows = 0;
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                rows += dumpTable(s, table, dump.resolve(table + ".tsv"));
            }
        }
        // the load is timed REPEATS times into fresh copies and the fastest counts: the floor is the
        // best this database did, so the server's state (pages still being written out) cannot
        // make the job look closer to it than it is
        List<Long> loads = new ArrayList<>();
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute("DROP TABLE IF EXISTS floor_" + table);
                    s.execute("CREATE TABLE floor_" + table + " LIKE " + table);
                }
            }
            long loadStart = System.nanoTime();
            try (Statement s = c.createStatement()) {
                StringBuilder perTable = new StringBuilder("floor load " + (repeat + 1) + " per table (ms):");
                for (String table : TABLES) {
                    long tableStart = System.nanoTime();
                    s.execute("LOAD DATA LOCAL INFILE '" + dump.resolve(table + ".tsv").toAbsolutePath().toString()
                            .replace("\\", "/") + "' INTO TABLE floor_" + table
                            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'");
                    perTable.append(' ').append(table).append('=').append((System.nanoTime() - tableStart) / 1_000_000);
                }
                System.out.println(perTable);
            }
            loads.add((System.nanoTime() - loadStart) / 1_000_000);
        }
        long loadMs = java.util.Collections.min(loads);
        System.out.println("floor loads (ms): " + loads + "; the fastest counts");
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE floor_" + table);
            }
        }

        long windowStart = System.nanoTime();
        long windowRows;
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION max_recursive_iterations = 1000000");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(WINDOW_QUERY)) {
            rs.next();
            windowRows = rs.getLong(1);
        }
        long windowMs = (System.nanoTime() - windowStart) / 1_000_000;
        System.out.printf("floor-parse-ms=%d floor-parsed-rows=%d floor-load-ms=%d floor-rows=%d window-query-ms=%d"
                + " window-query-rows=%d%n", parseMs, parsed, loadMs, rows, windowMs, windowRows);
    }

    /**
     * Market Price per symbol and calendar day: for each Trading Day the mean of the five previous
     * closing bids (window over trading days), then spread over the calendar days until the next
     * Trading Day; counted, so that the timing is the query's, not the transfer's.
     */
    static final String WINDOW_QUERY = """
            WITH RECURSIVE days (d) AS (
                SELECT (SELECT MIN(price_date) FROM staged_price)
                UNION ALL SELECT d + INTERVAL 1 DAY FROM days WHERE d < (SELECT MAX(price_date) FROM staged_price)),
            trading AS (
                SELECT v.symbol, v.price_date,
                       LEAD(v.price_date) OVER (PARTITION BY v.symbol ORDER BY v.price_date) AS next_date,
                       AVG(b.price) OVER (PARTITION BY v.symbol ORDER BY v.price_date
                                          ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS mp,
                       COUNT(b.price) OVER (PARTITION BY v.symbol ORDER BY v.price_date
                                            ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS n
                FROM staged_price v
                LEFT JOIN staged_price b ON b.feed = 'CLOSING_BID' AND b.symbol = v.symbol
                                        AND b.price_date = v.price_date AND b.status = 'ACCEPTED'
                WHERE v.feed = 'VWAP' AND v.status = 'ACCEPTED' AND (v.volume IS NULL OR v.volume > 0))
            SELECT COUNT(*), SUM(CASE WHEN t.n = 5 THEN ROUND(t.mp, 6) END)
            FROM trading t JOIN days ON days.d > t.price_date AND (t.next_date IS NULL OR days.d <= t.next_date)
            """;

    private static long parse(Path dataDir) throws IOException {
        long rows = 0;
        for (String folder : List.of("prices/vwap", "prices/closing-bid", "filings")) {
            try (Stream<Path> files = Files.list(dataDir.resolve(folder))) {
                for (Path file : files.sorted().toList()) {
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                         CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
                        for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                            rows++;
                        }
                    } catch (com.opencsv.exceptions.CsvValidationException e) {
                        throw new IOException(e);
                    }
                }
            }
        }
        return rows;
    }

    private static long dumpTable(Statement s, String table, Path file) throws Exception {
        long rows = 0;
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        out.write('\t');
                    }
                    Object value = rs.getObject(i);
                    out.write(value == null ? "\\N" : value instanceof BigDecimal b ? b.toPlainString()
                            : value instanceof Boolean bool ? (bool ? "1" : "0")
                            : value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
                }
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }
}
