package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.debentures.compliance.app.ComplianceRunService;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.app.RunOptions;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.rules.market.SplitAdjustment;
import org.debentures.compliance.tools.sample.SampleDataGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #8: invariants of the whole job over seeded random price paths (the sample generator with
 * other seeds) and the sample filings log: the same data as nightly files or as history files gives
 * the same rows; reordering files with distinct rows changes nothing; a sub-range rerun equals the
 * full run restricted to that range as of its last day; every Market Price lies between the
 * smallest and largest split-adjusted bid of its window.
 */
class WholeJobInvariantTests extends WholeJobTest {

    private static final long[] SEEDS = {11L, 20020328L + 7};
    private static final List<String> OUTPUT_TABLES = List.of("market_price", "vwap_test", "registration_default_day",
            "interest_accrual", "interest_due", "penalty_accrual", "compliance_exception", "mandatory_redemption_price",
            "default_interest_month", "conversion_delivery", "penalty_balance", "conversion_readiness",
            "conversion_readiness_condition", "upcoming_deadline", "conversion_price_history", "deal_watermark",
            "input_reject");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        freshFileH2(registry, "invariants");
    }

    private Path dataSet(String name, long seed) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("deals"));
        Files.copy(Path.of("data/deals/ramtron-2002.yml"), dir.resolve("deals/ramtron-2002.yml"));
        Files.createDirectories(dir.resolve("filings"));
        try (Stream<Path> files = Files.list(Path.of("data/filings"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("filings").resolve(f.getFileName()));
            }
        }
        new SampleDataGenerator().write(dir, seed);
        return dir;
    }

    /** Splits every price file into one file per day, named so that file-name order is date order. */
    private static void splitIntoNightlyFiles(Path dataDir) throws IOException {
        for (String folder : List.of("prices/vwap", "prices/closing-bid")) {
            Path dir = dataDir.resolve(folder);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    String header = lines.get(0);
                    int dateColumn = List.of(header.split(",")).indexOf("date");
                    for (String line : lines.subList(1, lines.size())) {
                        String date = line.split(",")[dateColumn];
                        Path nightly = dir.resolve("daily-" + date + "-" + file.getFileName());
                        Files.writeString(nightly, header + "\n" + line + "\n");
                    }
                    Files.delete(file);
                }
            }
        }
    }

    private Map<String, List<String>> run(Path dataDir, String from, String to) {
        for (String table : OUTPUT_TABLES) {
            jdbc.update("DELETE FROM " + rowsOf(table));
        }
        jdbc.update("DELETE FROM staged_file"); // what intake holds: without it the run reads every file again
        deals.clear();
        ComplianceRunService.Outcome outcome = runs.run(new RunOptions(dataDir, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.of(LocalDate.parse(to)), Optional.empty(), LocalDate.parse("2026-11-21")));
        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
        return snapshot(null, null);
    }

    /** Every output table's rows (run-id columns left out), optionally only those dated in [from, to]. */
    private Map<String, List<String>> snapshot(LocalDate from, LocalDate to) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : OUTPUT_TABLES) {
            if (table.equals("input_reject")) {
                continue; // rejects name the files they came from: compared where the files are the same
            }
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                if (from != null && !inRange(row, from, to)) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                row.forEach((column, value) -> {
                    if (!column.toUpperCase().endsWith("RUN_ID")) {
                        // a vendor correction's message names its files: the files differ by design here
                        String shown = String.valueOf(value).replaceAll("prices/[^ )]+ line \\d+", "<file line>");
                        text.append(column).append('=').append(shown).append('|');
                    }
                });
                rows.add(text.toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    private static boolean inRange(Map<String, Object> row, LocalDate from, LocalDate to) {
        for (String column : List.of("PRICE_DATE", "TRADE_DATE", "DEFAULT_DATE", "ACCRUAL_DATE", "DUE_DATE")) {
            if (row.containsKey(column)) {
                LocalDate d = ((Date) row.get(column)).toLocalDate();
                return !d.isBefore(from) && !d.isAfter(to);
            }
        }
        if (row.containsKey("START_DATE") && row.containsKey("CODE")) {
            LocalDate start = ((Date) row.get("START_DATE")).toLocalDate();
            Object end = row.get("END_DATE");
            return !start.isAfter(to) && (end == null || !((Date) end).toLocalDate().isBefore(from));
        }
        return false; // as-of tables (balances, readiness, deadlines...) depend on the run, not compared here
    }

    /** Table by table; on a difference, the first differing row (the tables are large). */
    private static void assertSameRows(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            List<String> e = expected.get(table);
            List<String> a = actual.get(table);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                assertEquals(e.get(i), a.get(i), what + ": " + table + " row " + i);
            }
            assertEquals(e.size(), a.size(), what + ": " + table + " row count");
        }
    }

    /**
     * SPEC §13 over the whole job: a waiver never adds a day on which an instrument has an Event of Default of any
     * clause (a waived 6(d)(ix) may reappear as 6(d)(vii) through an instrument the waiver does not bind, but on a day
     * that already had one). The sample without its waivers against the sample with random ones (signers, clauses,
     * period ends, dates), seeded.
     */
    @Test
    void aWaiverNeverAddsADayOfEventOfDefault() throws IOException {
        Path without = copyOfSample("no-waivers", line -> !line.contains(",WAIVER,"));
        Map<String, java.util.Set<LocalDate>> base = eventOfDefaultDays(without);
        assertTrue(base.get("HALIFAX-2002").contains(LocalDate.parse("2003-09-30")), "unwaived, 6(d)(ix) continues");
        for (long seed : List.of(13L, 8L, 2003L)) {
            java.util.Random random = new java.util.Random(seed);
            List<String> clauses = java.util.Arrays.asList(null, "6(d)(ix)", "6(d)(iii)", "6(d)(v)", "6(d)(vii)");
            StringBuilder rows = new StringBuilder("date,type,subject,amount,shares,ratio,price,document,note,clause,"
                    + "period_end,effective_date\n");
            for (int w = 0; w < 4; w++) {
                String clause = clauses.get(random.nextInt(clauses.size()));
                String periodEnd = random.nextBoolean() ? "" : LocalDate.parse("2003-03-31").plusMonths(3L * random.nextInt(6))
                        .withDayOfMonth(1).plusMonths(1).minusDays(1).toString();
                for (String instrument : List.of("HALIFAX-2002", "BRAMWELL-2002", "INFINEON-2002")) {
                    if (random.nextInt(3) > 0) {
                        LocalDate signed = LocalDate.parse("2003-02-01").plusDays(random.nextInt(700));
                        rows.append(signed).append(",WAIVER,").append(instrument).append(",,,,,W-").append(seed).append('-')
                                .append(w).append(",,").append(clause == null ? "" : clause).append(',').append(periodEnd)
                                .append(",\n");
                    }
                }
            }
            Path with = copyOfSample("waivers-" + seed, line -> !line.contains(",WAIVER,"));
            Files.writeString(with.resolve("filings/zz-waivers.csv"), rows.toString());
            Map<String, java.util.Set<LocalDate>> waived = eventOfDefaultDays(with);
            waived.forEach((instrument, days) -> {
                java.util.Set<LocalDate> added = new java.util.TreeSet<>(days);
                added.removeAll(base.getOrDefault(instrument, java.util.Set.of()));
                assertTrue(added.isEmpty(), "seed " + seed + ": " + instrument + " gained Event of Default days " + added
                        + " from the waivers\n" + rows);
            });
        }
    }

    private Path copyOfSample(String name, java.util.function.Predicate<String> keep) throws IOException {
        Path dir = tmp.resolve(name);
        for (String folder : List.of("deals", "filings", "prices/vwap", "prices/closing-bid")) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of("data").resolve(folder))) {
                for (Path f : files.toList()) {
                    List<String> lines = Files.readAllLines(f);
                    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
                    lines.subList(1, lines.size()).stream().filter(keep).forEach(kept::add);
                    Files.write(dir.resolve(folder).resolve(f.getFileName()), kept);
                }
            }
        }
        return dir;
    }

    /** Per instrument, every day of its Events of Default (any clause) as of 2007-03-28. */
    private Map<String, java.util.Set<LocalDate>> eventOfDefaultDays(Path dataDir) {
        run(dataDir, null, "2007-03-28");
        Map<String, java.util.Set<LocalDate>> days = new TreeMap<>();
        jdbc.query("SELECT subject, start_date, end_date FROM compliance_exception WHERE code = 'EVENT_OF_DEFAULT'", rs -> {
            LocalDate start = rs.getDate(2).toLocalDate();
            LocalDate end = rs.getDate(3) == null ? LocalDate.parse("2007-03-28") : rs.getDate(3).toLocalDate();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                days.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(d);
            }
        });
        return days;
    }

    @Test
    void nightlyFilesOrHistoryFilesGiveTheSameRows() throws IOException {
        for (long seed : SEEDS) {
            Path history = dataSet("history-" + seed, seed);
            Path nightly = dataSet("nightly-" + seed, seed);
            splitIntoNightlyFiles(nightly);
            Map<String, List<String>> fromHistory = run(history, null, "2007-03-28");
            Map<String, List<String>> fromNightly = run(nightly, null, "2007-03-28");
            assertSameRows(fromHistory, fromNightly, "nightly files, seed " + seed);
            assertTrue(fromHistory.get("market_price").size() == 1827);
        }
    }

    @Test
    void reorderingFilesWithDistinctRowsChangesNothing() throws IOException {
        for (long seed : SEEDS) {
            Path ordered = dataSet("ordered-" + seed, seed);
            Path reordered = dataSet("reordered-" + seed, seed);
            // the vendor-corrections file repeats a row with another value: its place in the order matters by
            // design (SPEC §2), so this invariant is checked on the files whose rows are distinct
            for (Path dir : List.of(ordered, reordered)) {
                Files.delete(dir.resolve("prices/closing-bid/RMTR-corrections-2005.csv"));
            }
            for (String folder : List.of("prices/vwap", "prices/closing-bid")) {
                try (Stream<Path> files = Files.list(reordered.resolve(folder))) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        // reverse the year order of the history files
                        String year = name.replaceAll("\\D", "");
                        Files.move(f, f.resolveSibling("a" + (9999 - Integer.parseInt(year)) + "-" + name));
                    }
                }
            }
            assertSameRows(run(ordered, null, "2007-03-28"), run(reordered, null, "2007-03-28"), "reordered, seed " + seed);
        }
    }

    /** The ids of the sample deal and of its twin on the same symbol (longest first, for replacing). */
    private static final Map<String, String> TWIN_IDS = new java.util.LinkedHashMap<>(Map.of(
            "RAMTRON-2002", "TWIN-DEAL", "BRAMWELL-2002", "TWIN-BRAMWELL", "HALIFAX-2002", "TWIN-HALIFAX",
            "INFINEON-2002", "TWIN-INFINEON", "RRA-2002", "TWIN-RRA-2", "RRA-2001", "TWIN-RRA-1"));

    private static String renamed(String text, boolean toTwin) {
        String out = text;
        for (Map.Entry<String, String> id : TWIN_IDS.entrySet()) {
            out = toTwin ? out.replace(id.getKey(), id.getValue()) : out.replace(id.getValue(), id.getKey());
        }
        return out;
    }

    /** The rows of each table that name one of {@code ids}. */
    private static Map<String, List<String>> rowsNaming(Map<String, List<String>> tables, java.util.Collection<String> ids) {
        Map<String, List<String>> naming = new TreeMap<>();
        tables.forEach((table, rows) -> naming.put(table,
                rows.stream().filter(r -> ids.stream().anyMatch(r::contains)).sorted().toList()));
        return naming;
    }

    /**
     * The results step works symbol by symbol, all the deals on a symbol together (issue #9): a deal
     * gets the same rows whether or not another deal shares its symbol. A twin of the sample deal
     * (same terms and events, other ids) on the same symbol gets exactly the sample deal's rows, and
     * the sample deal's rows are those it gets alone.
     */
    @Test
    void dealsSharingASymbolGetTheRowsEachGetsAlone() throws IOException {
        Path alone = tmp.resolve("alone");
        Path shared = tmp.resolve("shared");
        for (Path dir : List.of(alone, shared)) {
            for (String folder : List.of("deals", "filings", "prices/vwap", "prices/closing-bid")) {
                Files.createDirectories(dir.resolve(folder));
                try (Stream<Path> files = Files.list(Path.of("data").resolve(folder))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
                    }
                }
            }
        }
        Files.writeString(shared.resolve("deals/twin-2002.yml"),
                renamed(Files.readString(Path.of("data/deals/ramtron-2002.yml")), true));
        try (Stream<Path> files = Files.list(Path.of("data/filings"))) {
            for (Path f : files.toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> twin = new ArrayList<>(List.of(lines.get(0)));
                // the symbol's own events (splits, halts) are the symbol's: listed once, in the sample's files
                lines.subList(1, lines.size()).stream().filter(l -> !l.contains(",RMTR,")).map(l -> renamed(l, true))
                        .forEach(twin::add);
                Files.write(shared.resolve("filings/twin-" + f.getFileName()), twin);
            }
        }
        Map<String, List<String>> one = run(alone, null, "2007-03-28");
        Map<String, List<String>> two = run(shared, null, "2007-03-28");

        Map<String, List<String>> sampleAlone = rowsNaming(one, TWIN_IDS.keySet());
        Map<String, List<String>> sampleShared = rowsNaming(two, TWIN_IDS.keySet());
        Map<String, List<String>> twinAsSample = new TreeMap<>();
        rowsNaming(two, TWIN_IDS.values()).forEach((table, rows) ->
                twinAsSample.put(table, rows.stream().map(r -> renamed(r, false)).sorted().toList()));
        assertSameRows(sampleAlone, sampleShared, "the sample deal, alone and with a twin on its symbol");
        assertSameRows(sampleAlone, twinAsSample, "the twin, read back with the sample's ids");
        assertEquals(one.get("market_price"), two.get("market_price"), "one symbol: the same Market Prices");
        assertTrue(sampleShared.get("interest_accrual").size() > 5000 && sampleShared.get("upcoming_deadline").size() > 0
                && twinAsSample.get("compliance_exception").size() > 10, "the deals have rows of every kind compared");
    }

    @Test
    void aSubRangeRerunEqualsTheFullRunRestrictedToThatRangeAsOfItsLastDay() throws IOException {
        Path data = dataSet("subrange", SEEDS[0]);
        LocalDate from = LocalDate.parse("2004-01-01");
        LocalDate to = LocalDate.parse("2004-12-31");
        run(data, null, to.toString());
        Map<String, List<String>> full = snapshot(from, to);
        run(data, from.toString(), to.toString());
        Map<String, List<String>> sub = snapshot(from, to);
        assertSameRows(full, sub, "sub-range rerun");
        assertTrue(sub.get("interest_accrual").size() > 1000, "the range has content");
    }

    @Test
    void everyMarketPriceLiesBetweenTheSmallestAndLargestAdjustedBidOfItsWindow() throws IOException {
        run(dataSet("bounds", SEEDS[1]), null, "2007-03-28");
        TreeMap<LocalDate, BigDecimal> bids = new TreeMap<>();
        jdbc.query("SELECT price_date, price FROM staged_price WHERE feed = 'CLOSING_BID' AND status = 'ACCEPTED'",
                rs -> {
                    bids.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                });
        List<CorporateAction> actions = jdbc.query("SELECT event_type, event_date, ratio FROM staged_filing WHERE"
                + " event_type IN ('STOCK_SPLIT', 'STOCK_DIVIDEND') AND status = 'ACCEPTED'", (rs, i) -> new CorporateAction(
                CorporateAction.Kind.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)));
        SplitAdjustment adjustment = new SplitAdjustment(actions, false);
        int checked = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT price_date, market_price, window_start, window_end"
                + " FROM market_price WHERE market_price IS NOT NULL")) {
            LocalDate day = ((Date) row.get("PRICE_DATE")).toLocalDate();
            BigDecimal min = null;
            BigDecimal max = null;
            for (Map.Entry<LocalDate, BigDecimal> bid : bids.subMap(((Date) row.get("WINDOW_START")).toLocalDate(), true,
                    ((Date) row.get("WINDOW_END")).toLocalDate(), true).entrySet()) {
                BigDecimal adjusted = adjustment.adjust(bid.getValue(), bid.getKey(), day);
                min = min == null || adjusted.compareTo(min) < 0 ? adjusted : min;
                max = max == null || adjusted.compareTo(max) > 0 ? adjusted : max;
            }
            BigDecimal price = (BigDecimal) row.get("MARKET_PRICE");
            assertTrue(price.compareTo(min.setScale(6, RoundingMode.FLOOR)) >= 0
                    && price.compareTo(max.setScale(6, RoundingMode.CEILING)) <= 0, day + ": " + price + " not in [" + min + ", " + max + "]");
            checked++;
        }
        assertTrue(checked > 1800, "checked " + checked);
    }

    /**
     * Issue #9, incremental intake of the SPEC §2 feeds (duplicates, vendor corrections in file-name
     * order, row rejects): a run that keeps the rows staged from unchanged files and reads
     * only the new ones (a month of daily files, and a late file that corrects an old day, repeats a
     * correction, corrects a new day and carries a bad row) ends with exactly the rows (results,
     * staged statuses, corrections, rejects) of a run that reads every file afresh.
     */
    @Test
    void keepingTheRowsOfUnchangedFilesGivesWhatReadingEveryFileGives() throws IOException {
        Path data = dataSet("incremental", SEEDS[0]);
        splitIntoNightlyFiles(data);
        Path held = tmp.resolve("held-back");
        for (String folder : List.of("prices/vwap", "prices/closing-bid")) {
            Files.createDirectories(held.resolve(folder));
            try (Stream<Path> files = Files.list(data.resolve(folder))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("daily-2007-03")).toList()) {
                    Files.move(f, held.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        run(data, null, "2007-02-28"); // reads every file there is

        for (String folder : List.of("prices/vwap", "prices/closing-bid")) {
            try (Stream<Path> files = Files.list(held.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.move(f, data.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(data.resolve("prices/closing-bid/zz-late-corrections.csv"), """
                symbol,date,closing_bid
                RMTR,2004-09-09,3.20
                RMTR,2005-03-16,3.38
                RMTR,2007-03-15,1.00
                RMTR,2006-13-01,2.00
                """);
        for (String table : OUTPUT_TABLES) {
            if (!table.equals("input_reject")) { // results only: what intake holds stays
                jdbc.update("DELETE FROM " + rowsOf(table));
            }
        }
        ComplianceRunService.Outcome incremental = runs.run(new RunOptions(data, Optional.empty(),
                Optional.of(LocalDate.parse("2007-03-28")), Optional.empty(), LocalDate.parse("2026-11-21")));
        assertEquals(ExitCodes.OK, incremental.exitCode(), incremental.text());
        long vwapRead = jdbc.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readVwap'"
                + " ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", Long.class);
        assertTrue(vwapRead > 10 && vwapRead < 30, "only the new VWAP files of March 2007 were read: " + vwapRead);
        Map<String, List<String>> kept = snapshot(null, null);
        kept.putAll(intakeSnapshot());

        Map<String, List<String>> readAgain = run(data, null, "2007-03-28"); // reads every file again
        readAgain.putAll(intakeSnapshot());
        assertSameRows(readAgain, kept, "kept rows of unchanged files");
        assertEquals(List.of("SUPERSEDED"), jdbc.queryForList("SELECT status FROM staged_price WHERE feed = 'CLOSING_BID'"
                + " AND price_date = DATE '2004-09-09' AND file_name NOT LIKE '%zz-late%'", String.class));
        assertTrue(readAgain.get("price_restatement").size() >= 3, "the late file's corrections are recorded");
    }

    /**
     * Issue #9, incremental intake: whatever makes kept rows differ from a fresh read makes the run
     * read the feed again, and it ends with the rows of a fresh read: an earlier business date (rows
     * now from the future), a later one after rows were refused as from the future, a changed file,
     * intake tables changed by hand.
     */
    @Test
    void whenKeptRowsWouldDifferFromAFreshReadTheFeedIsReadAgain() throws IOException {
        Path data = dataSet("read-again", SEEDS[1]);
        intakeRun(data, "2007-03-28", "2007-03-29");
        List<Runnable> changes = List.of(
                () -> intakeRun(data, "2007-02-27", "2007-02-28"), // rows dated in March are now from the future
                () -> intakeRun(data, "2007-03-28", "2007-03-29"), // ... and no longer
                () -> {
                    try {
                        Files.writeString(data.resolve("prices/vwap/RMTR-2004.csv"), "RMTR,2004-12-31,9.99,1000\n",
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    intakeRun(data, "2007-03-28", "2007-03-29");
                },
                () -> {
                    // rejects deleted by hand: the tables no longer hold what staged_file says, so nothing is kept
                    jdbc.update("DELETE FROM input_reject WHERE feed = 'CLOSING_BID'");
                    intakeRun(data, "2007-03-28", "2007-03-29");
                });
        String[][] ranges = {{"2007-02-27", "2007-02-28"}, {"2007-03-28", "2007-03-29"}, {"2007-03-28", "2007-03-29"},
                {"2007-03-28", "2007-03-29"}};
        for (int c = 0; c < changes.size(); c++) {
            changes.get(c).run();
            Map<String, List<String>> afterChange = intakeSnapshot();
            jdbc.update("DELETE FROM staged_file"); // a fresh read of the same files for the same dates
            intakeRun(data, ranges[c][0], ranges[c][1]);
            assertSameRows(intakeSnapshot(), afterChange, "change " + c);
        }
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM staged_price WHERE file_name = 'prices/vwap/RMTR-2004.csv'"
                + " AND price = 9.99", Integer.class), "the changed file was read again");
        assertTrue(jdbc.queryForObject("SELECT COUNT(*) FROM input_reject WHERE reason LIKE '%from the future'", Integer.class) == 0);
    }

    private void intakeRun(Path data, String to, String businessDate) {
        ComplianceRunService.Outcome outcome = runs.run(new RunOptions(data, Optional.empty(),
                Optional.of(LocalDate.parse(to)), Optional.empty(), LocalDate.parse(businessDate)));
        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
    }

    /** What intake holds: staged price rows with their statuses, corrections and rejects. */
    private Map<String, List<String>> intakeSnapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : List.of("staged_price", "price_restatement", "input_reject")) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                rows.add(row.toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}
