package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.debentures.compliance.app.ComplianceRunService;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.app.RunOptions;
import org.debentures.compliance.run.RunRange;
import org.debentures.compliance.store.output.ResultGenerations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the whole job on the sample Ramtron data (the project's {@code data/}) and checks counts
 * and known values. Subclasses choose the database: file H2 as the README's quick start
 * ({@link ComplianceJobFunctionalTests}), MariaDB through MySQL Connector/J
 * ({@link ComplianceJobMariaDbFunctionalTests}).
 */
abstract class AbstractComplianceJobFunctionalTests extends WholeJobTest {

    private static final Path SAMPLE = Path.of("data");
    private static final LocalDate ISSUE = LocalDate.parse("2002-03-28");
    private static final LocalDate MATURITY = LocalDate.parse("2007-03-28");

    @BeforeEach
    void emptyReportingTables() {
        deals.clear();
        // staged_file too: without it the next run reads every input file again (its rejects were just deleted)
        for (String table : List.of("market_price", "compliance_exception", "deal_watermark", "input_reject", "staged_file")) {
            jdbc.update("DELETE FROM " + rowsOf(table));
        }
    }

    private ComplianceRunService.Outcome run(Path dataDir, String from, String to, String businessDate, Path export) {
        return runs.run(new RunOptions(dataDir, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse), Optional.ofNullable(export),
                LocalDate.parse(businessDate)));
    }

    private BigDecimal marketPrice(String date) {
        return jdbc.queryForObject("SELECT market_price FROM market_price WHERE symbol = 'RMTR' AND price_date = ?",
                BigDecimal.class, java.sql.Date.valueOf(date));
    }

    @Test
    void fullHistoryOfTheSampleDeal() throws IOException {
        Path export = tmp.resolve("export");
        ComplianceRunService.Outcome outcome = run(SAMPLE, null, "2007-03-28", "2026-11-21", export);

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
        assertEquals(new RunRange(ISSUE, MATURITY, RunRange.Kind.RERUN), outcome.range());
        // one row per calendar day: 2002-03-28 .. 2007-03-28 = 5 x 365 + 1 (2004-02-29) + 1 = 1827
        assertEquals(1827, jdbc.queryForObject("SELECT COUNT(*) FROM market_price WHERE symbol = 'RMTR'", Integer.class));
        // SPEC §11 example 6 on the sample feed: (6.10/2 + 6.20/2 + 6.30/2 + 6.40/2 + 3.25) / 5 = 3.150000
        assertEquals(new BigDecimal("3.150000"), marketPrice("2004-09-09"));
        // first Market Price: bids of 03-28, 04-01, 04-02, 04-03, 04-04 (03-29 Good Friday, no session):
        // (3.71 + 3.60 + 3.50 + 3.49 + 3.60) / 5 = 17.90 / 5 = 3.580000
        assertEquals(new BigDecimal("3.580000"), marketPrice("2002-04-05"));
        assertNull(marketPrice("2002-04-04")); // only four Trading Days before it

        // every input file reconciles: read = accepted + duplicate + rejected
        List<Map<String, Object>> files = jdbc.queryForList("SELECT * FROM input_file WHERE run_id = ?", outcome.runId());
        // 7 closing-bid, 6 VWAP and 4 filings files (the third: the illustrative covenant rows of SPEC §12-§13; the
        // fourth: the illustrative issuances, positions and notices of SPEC §15-§16)
        assertEquals(17, files.size());
        for (Map<String, Object> f : files) {
            assertEquals(((Number) f.get("ROWS_READ")).longValue(), ((Number) f.get("ROWS_ACCEPTED")).longValue()
                    + ((Number) f.get("ROWS_DUPLICATE")).longValue() + ((Number) f.get("ROWS_REJECTED")).longValue(),
                    f.get("FILE_NAME").toString());
            assertEquals(64, f.get("SHA256").toString().length());
        }
        assertEquals(List.of(4L, 1L, 1L, 2L), jdbc.queryForList("SELECT rows_read, rows_accepted, rows_duplicate,"
                + " rows_rejected FROM input_file WHERE run_id = ? AND file_name = 'prices/closing-bid/RMTR-corrections-2005.csv'",
                outcome.runId()).get(0).values().stream().map(v -> ((Number) v).longValue()).toList());

        assertEquals(3, jdbc.queryForObject("SELECT COUNT(*) FROM input_reject", Integer.class));
        assertEquals("closing_bid -3.38 is negative", jdbc.queryForObject("SELECT reason FROM input_reject WHERE"
                + " file_name = 'prices/closing-bid/RMTR-corrections-2005.csv' AND line_number = 4", String.class));

        // RRA 2(d) on the sample log (RRA-2002): filed 04-30 (1 day late), effective 09-05 (41 days), the
        // 2003-10-16 Allowed Delay day beyond 5 Business Days, the 2004-02-10..12 suspension and the coverage
        // amendment filed 03-16 for a cure deadline of 03-11 (5 days): 1 + 41 + 1 + 3 + 5 = 51 default days
        assertEquals(51, jdbc.queryForObject("SELECT COUNT(*) FROM registration_default_day WHERE agreement_id = 'RRA-2002'",
                Integer.class));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM registration_default_day WHERE agreement_id = 'RRA-2001'",
                Integer.class));
        // Bramwell, 2,500,000 throughout: 30 x 1,250 + 21 x 1,666.666667 = 37,500 + 35,000.000007
        assertEquals(0, new BigDecimal("72500.000007").compareTo(jdbc.queryForObject("SELECT SUM(amount) FROM"
                + " penalty_accrual WHERE instrument_id = 'BRAMWELL-2002' AND kind = 'REGISTRATION_DEFAULT'", BigDecimal.class)));
        // Halifax: 42 days in 2002 at 2,500,000 (37,500 + 12 x 1,666.666667 = 57,500.000004), 2003-10-16 at 2,500,000
        // (1,666.666667), then 8 days at 2,000,000 after the 2003-11-03 conversion (8 x 1,333.333333 = 10,666.666664)
        assertEquals(0, new BigDecimal("69833.333335").compareTo(jdbc.queryForObject("SELECT SUM(amount) FROM"
                + " penalty_accrual WHERE instrument_id = 'HALIFAX-2002' AND kind = 'REGISTRATION_DEFAULT'", BigDecimal.class)));
        assertEquals("RRA 2(d)(ii): default day 31, 2% / 30 x $2,500,000.00 (EFFECTIVENESS_LATE)", jdbc.queryForObject(
                "SELECT explanation FROM penalty_accrual WHERE instrument_id = 'BRAMWELL-2002' AND accrual_date = '2002-08-25'",
                String.class));
        // the 2002-10-15 payments of 57,500.00 settle the 2002 months; 2003-10 .. 2004-03 stay outstanding
        assertEquals(0, new BigDecimal("15000.00").compareTo(jdbc.queryForObject("SELECT SUM(outstanding) FROM"
                + " penalty_balance WHERE instrument_id = 'BRAMWELL-2002' AND kind = 'REGISTRATION_DEFAULT'"
                + " AND as_of_date = '2007-03-28'", BigDecimal.class)));

        // Debenture §2 on the sample log: SPEC §11 examples 2 and 3 for Bramwell
        assertEquals(List.of("2002-07-01 32534.25 2002-07-01", "2003-01-01 63013.70 2003-01-20",
                        "2003-07-01 62150.31 2003-07-01"),
                jdbc.query("SELECT due_date, amount_due, paid_date FROM interest_due WHERE instrument_id = 'BRAMWELL-2002'"
                        + " AND due_date <= '2003-07-01' ORDER BY due_date",
                        (rs, i) -> rs.getDate(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getDate(3)));
        // 63,013.70 x 24% / 365 = 41.433666 a day for 19 days = 787.239654 -> 787.24, due by 2003-02-07
        assertEquals("787.24 2003-02-07", jdbc.queryForObject("SELECT amount_due, due_by FROM default_interest_month"
                + " WHERE instrument_id = 'BRAMWELL-2002' AND accrual_month = '2003-01-01'",
                (rs, i) -> rs.getBigDecimal(1).toPlainString() + " " + rs.getDate(2)));
        assertEquals(0, new BigDecimal("2563013.70").compareTo(jdbc.queryForObject("SELECT interest_base FROM"
                + " interest_accrual WHERE instrument_id = 'BRAMWELL-2002' AND accrual_date = '2003-01-19'", BigDecimal.class)));
        // every interest due of the sample log is paid, so the last interest_accrual row is the day before maturity
        assertEquals(java.sql.Date.valueOf("2007-03-27"), jdbc.queryForObject("SELECT MAX(accrual_date) FROM"
                + " interest_accrual WHERE instrument_id = 'INFINEON-2002'", java.sql.Date.class));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM interest_due WHERE status <> 'PAID_ON_TIME'"
                + " AND NOT (instrument_id = 'BRAMWELL-2002' AND due_date = '2003-01-01')", Integer.class));
        // Conversion Default: CONV-BRA-2005-1 of 1,000,000 on 2005-01-10, Delivery Date 01-13, delivered 01-20:
        // N = 7 days x 1,000,000 x 24% / 365 (= 657.534247) = 4,602.739729
        assertEquals(0, new BigDecimal("4602.739729").compareTo(jdbc.queryForObject("SELECT SUM(amount) FROM"
                + " penalty_accrual WHERE instrument_id = 'BRAMWELL-2002' AND kind = 'CONVERSION_DEFAULT'", BigDecimal.class)));
        // 6(b) on 2003-01-10, the first 6(d)(v) day (SPEC §10 v2: the grace counts from the adjusted due date 2003-01-02;
        // v1 counted from 01-01 and began on 01-09): 120% x (2,500,000 + 63,013.70 + 10 x 351.097767)
        // = 1.2 x 2,566,524.67767 = 3,079,829.613204 -> 3,079,829.61
        assertEquals(0, new BigDecimal("3079829.61").compareTo(jdbc.queryForObject("SELECT redemption_price FROM"
                + " mandatory_redemption_price WHERE instrument_id = 'BRAMWELL-2002' AND price_date = '2003-01-10'",
                BigDecimal.class)));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM mandatory_redemption_price WHERE"
                + " instrument_id = 'BRAMWELL-2002' AND price_date = '2003-01-09'", Integer.class));
        assertEquals(List.of("EFFECTIVENESS_LATE 2002-07-27 2002-09-05", "FILING_LATE 2002-04-30 2002-04-30"),
                jdbc.query("SELECT code, start_date, end_date FROM compliance_exception WHERE subject = 'RRA-2002'"
                        + " AND code LIKE '%_LATE' AND code <> 'COVERAGE_AMENDMENT_LATE' ORDER BY code",
                        (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getDate(3)));
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM compliance_exception WHERE code = 'EVENT_OF_DEFAULT'"
                + " AND subject = 'BRAMWELL-2002' AND clause = '6(d)(iii)'", Integer.class));

        // price exceptions: the start-up window, the 2006-02-10 missing bid, two data gaps, one vendor correction;
        // SPEC §12 on the illustrative covenant rows: the Q1 2003 certificate, due Mon 2003-04-28 (2 Business Days
        // after the release of Thu 04-24), delivered 05-09: late 04-29 .. 05-08, and Q1 2003 had no figure from its
        // breach date 2003-04-30 until then; SPEC §15 on the illustrative rows of ramtron-2005-conversion-terms.csv:
        // the convertible issuance of 2006-02-14 with no Market Price, and the distribution noticed late
        assertEquals(List.of("ADJUSTMENT_NOT_COMPUTABLE 2006-02-14 2006-02-14", "DISTRIBUTION_NOTICE_LATE 2006-06-15 2006-06-15",
                        "EBITDA_CERTIFICATE_LATE 2003-04-29 2003-05-08", "EBITDA_NOT_REPORTED 2003-04-30 2003-05-08",
                        "MARKET_PRICE_UNAVAILABLE 2002-03-28 2002-04-04", "MARKET_PRICE_UNAVAILABLE 2006-02-11 2006-02-17",
                        "PRICE_MISSING 2005-08-15 2005-08-15", "PRICE_MISSING 2006-02-10 2006-02-10",
                        "PRICE_RESTATED 2005-03-15 2005-03-15"),
                jdbc.query("SELECT code, start_date, end_date FROM compliance_exception WHERE subject = 'RMTR'"
                        + " ORDER BY code, start_date", (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getDate(3)));

        // SPEC §12-§13 on the sample: FY2002 (-2,150,000 < -2,000,000, from 2003-01-30), Q1 2003 (-600,000 < -500,000,
        // from 04-30) and the six months to 2003-06-30 (700,000 < 750,000, from 07-30) are one 6(d)(ix) run, ended by
        // the waivers effective 2003-08-20 (JOINT-2002: Halifax 50% on 08-18 pending, Bramwell on 08-20; Infineon alone)
        assertEquals(List.of("BRAMWELL-2002 2003-01-30 2003-08-19", "HALIFAX-2002 2003-01-30 2003-08-19",
                        "INFINEON-2002 2003-01-30 2003-08-19"),
                jdbc.query("SELECT subject, start_date, end_date FROM compliance_exception WHERE code = 'EVENT_OF_DEFAULT'"
                        + " AND clause = '6(d)(ix)' ORDER BY subject", (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " "
                        + rs.getDate(3)));
        assertEquals(List.of("HALIFAX-2002 2003-08-18 2003-08-19"), jdbc.query("SELECT subject, start_date, end_date FROM"
                + " compliance_exception WHERE code = 'WAIVER_PENDING'", (rs, i) -> rs.getString(1) + " " + rs.getDate(2)
                + " " + rs.getDate(3)));
        // the certificate's 6(d)(v): 5 Business Days after 04-28 is Mon 05-05: from 05-06 to the day before delivery
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM compliance_exception WHERE code = 'EVENT_OF_DEFAULT'"
                + " AND subject = 'HALIFAX-2002' AND clause = '6(d)(v)' AND start_date = '2003-05-06' AND end_date = '2003-05-08'",
                Integer.class));
        // SPEC §14 on the sample: Halifax's notice of Tue 2004-02-17 (the 6(d)(iii) run ended Thu 02-12; Fri 02-13 is
        // the first Business Day it no longer continues, Mon 02-16 a holiday), R = 2004-02-24, all 2,000,000 and
        // I = 54 days x 2,000,000 x 5% / 365 = 14,794.52; the price (2,014,794.52 / 3.769 x 8.378 = 4,478,627.88)
        // unpaid by 03-02, the notice rescinded 03-12: 17 days of late interest, 02-24 .. 03-11, at 24% / 365
        assertEquals("2004-02-24 2000000.00 14794.52 4478627.88 2004-03-02 RESCINDED", jdbc.queryForObject(
                "SELECT redemption_date, principal, interest, price, pay_by, status FROM mandatory_redemption"
                        + " WHERE instrument_id = 'HALIFAX-2002'", (rs, i) -> rs.getDate(1) + " "
                        + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2) + " "
                        + rs.getBigDecimal(4).setScale(2) + " " + rs.getDate(5) + " " + rs.getString(6)));
        assertEquals(17, jdbc.queryForObject("SELECT COUNT(*) FROM penalty_accrual WHERE kind = 'REDEMPTION_LATE_INTEREST'",
                Integer.class));
        // SPEC §16: Infineon's 6(d)(iii) also covers RRA-2002 (registration-default-agreements): the 2003-10-16 and
        // 2004-02-10 .. 02-12 days are its own 6(d)(iii), so they make no 6(d)(vii) from Bramwell's and Halifax's
        assertEquals(List.of("6(d)(iii) 2003-10-16 2003-10-16", "6(d)(iii) 2004-02-10 2004-02-12", "6(d)(vii) 2003-01-10 2003-01-19"),
                jdbc.query("SELECT clause, start_date, end_date FROM compliance_exception WHERE code = 'EVENT_OF_DEFAULT'"
                        + " AND subject = 'INFINEON-2002' AND clause IN ('6(d)(iii)', '6(d)(vii)') ORDER BY clause, start_date",
                        (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getDate(3)));
        // 24 EBITDA Target Periods end by 2007-03-28 (2007-03-31 does not), and 2 capex years
        assertEquals(26, jdbc.queryForObject("SELECT COUNT(*) FROM covenant_test", Integer.class));

        // Debenture 5(c)(ii) on the sample path: counted Trading Days after 2003-08-28 up to the Maturity Date
        assertEquals(897, jdbc.queryForObject("SELECT COUNT(*) FROM vwap_test WHERE instrument_id = 'BRAMWELL-2002'",
                Integer.class));
        assertEquals(java.sql.Date.valueOf("2003-08-29"), jdbc.queryForObject(
                "SELECT MIN(trade_date) FROM vwap_test WHERE instrument_id = 'BRAMWELL-2002'", java.sql.Date.class));
        assertEquals(List.of("BRAMWELL-2002 2004-02-03 null", "HALIFAX-2002 2004-02-03 null", "INFINEON-2002 2004-02-03 null"),
                jdbc.query("SELECT subject, start_date, end_date FROM compliance_exception WHERE code = 'VWAP_TEST_MET'"
                        + " ORDER BY subject", (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getDate(3)));
        Map<String, Object> firstMet = jdbc.queryForMap("SELECT * FROM vwap_test WHERE instrument_id = 'BRAMWELL-2002'"
                + " AND trade_date = '2004-02-03'");
        assertEquals(20, ((Number) firstMet.get("WINDOW_COUNT")).intValue());
        assertEquals(0, new BigDecimal("7.538000").compareTo((BigDecimal) firstMet.get("THRESHOLD"))); // 2 x 3.7690
        // after the 2004-09-08 split the threshold halves: 2 x 3.7690 / 2 = 3.769000
        assertEquals(0, new BigDecimal("3.769000").compareTo(jdbc.queryForObject("SELECT threshold FROM vwap_test"
                + " WHERE instrument_id = 'BRAMWELL-2002' AND trade_date = '2004-09-08'", BigDecimal.class)));
        // SPEC §5 v2: the one session day without a VWAP row, Mon 2005-08-15 (no halt), lies in the windows closing
        // on the 29 counted days 2005-08-16 .. 2005-09-26 (the window closing 09-26 starts on 08-12, the last
        // counted day before the gap; the one closing 09-27 starts on 08-16), for each of the three instruments
        assertEquals(List.of("BRAMWELL-2002 29 2005-08-16 2005-09-26", "HALIFAX-2002 29 2005-08-16 2005-09-26",
                        "INFINEON-2002 29 2005-08-16 2005-09-26"),
                jdbc.query("SELECT instrument_id, COUNT(*), MIN(trade_date), MAX(trade_date) FROM vwap_test"
                        + " WHERE window_has_gap GROUP BY instrument_id ORDER BY instrument_id",
                        (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getDate(3) + " " + rs.getDate(4)));
        assertEquals(java.sql.Date.valueOf("2005-08-12"), jdbc.queryForObject("SELECT window_start FROM vwap_test"
                + " WHERE instrument_id = 'BRAMWELL-2002' AND trade_date = '2005-09-26'", java.sql.Date.class));
        assertEquals(java.sql.Date.valueOf("2005-08-16"), jdbc.queryForObject("SELECT window_start FROM vwap_test"
                + " WHERE instrument_id = 'BRAMWELL-2002' AND trade_date = '2005-09-27'", java.sql.Date.class));
        // readiness as of 2007-03-28: the 2004-02 suspension defeats 5(c)(iv) for the RRA-2002 Holders; Infineon's own
        // 5(c)(vi) (SPEC §16, INFINEON form) needs their valid Mandatory Conversion Notices, and there is none
        assertEquals(List.of("BRAMWELL-2002 false", "HALIFAX-2002 false", "INFINEON-2002 false"),
                jdbc.query("SELECT instrument_id, checked_conditions_met FROM conversion_readiness"
                        + " WHERE as_of_date = '2007-03-28' ORDER BY instrument_id",
                        (rs, i) -> rs.getString(1) + " " + rs.getBoolean(2)));
        assertEquals("NOT_MET", jdbc.queryForObject("SELECT state FROM conversion_readiness_condition WHERE"
                + " instrument_id = 'BRAMWELL-2002' AND as_of_date = '2007-03-28' AND condition_id = '5(c)(iv)'", String.class));

        // the export: one CSV per SPEC §8 table, §8 column names as header
        assertEquals("symbol,price_date,market_price", Files.readAllLines(export.resolve("market_price.csv")).get(0));
        assertEquals(1828, Files.readAllLines(export.resolve("market_price.csv")).size());
        assertEquals("code,severity,subject,clause,start_date,end_date,status,message", // SPEC §8 v2: clause after subject
                Files.readAllLines(export.resolve("compliance_exception.csv")).get(0));
        assertEquals("file_name,line_number,raw_line,reason", Files.readAllLines(export.resolve("input_reject.csv")).get(0));
        List<String> vwapTest = Files.readAllLines(export.resolve("vwap_test.csv"));
        assertEquals("instrument_id,trade_date,vwap,threshold,above,window_count,met,window_has_gap", vwapTest.get(0));
        assertEquals(2692, vwapTest.size()); // heading + 3 x 897
        assertEquals(87, vwapTest.stream().filter(line -> line.endsWith(",true")).count()); // 3 x 29 with a gap
        // the first window with the gap: VWAP 3.1019 below the threshold after the 2004-09-08 split and the
        // 2005-06-15 5% dividend, 2 x 3.7690 / 2 / 1.05 = 3.589524; none of its 30 days above; met since 2004-02-03
        assertEquals("BRAMWELL-2002,2005-08-16,3.1019,3.589524,false,0,true,true", vwapTest.stream()
                .filter(line -> line.startsWith("BRAMWELL-2002,2005-08-16,")).findFirst().orElseThrow());
        try (Stream<Path> csvs = Files.list(export)) {
            // 8 SPEC §8 tables, covenant_test (§12), mandatory_redemption (§14), conversion_price_history (§15),
            // registration_coverage (§16), 2 readiness, 3 run-record, the workbook, and the report site (issue 22):
            // index.html, what-changed.txt and .html, deals/ and treasury/
            assertEquals(23, csvs.count());
        }
        assertTrue(outcome.text().contains("exceptions in range"), outcome.text());
        // the run record travels with the export: parameters, readings, input files with checksums
        List<String> runRecord = Files.readAllLines(export.resolve("job_run.csv"));
        assertEquals(2, runRecord.size());
        assertTrue(runRecord.get(1).startsWith(outcome.runId() + ",RERUN,2002-03-28,2007-03-28,"), runRecord.get(1));
        assertEquals(18, Files.readAllLines(export.resolve("input_file.csv")).size()); // heading + 17 files
        assertTrue(Files.readString(export.resolve("job_run_reading.csv")).contains("RAMTRON-2002,deadline-convention,FOLLOWING"));
    }

    /** The daily tables of SPEC §8 (and the daily 6(b) table), each with its date column and key order. */
    private static final List<String[]> DAILY_TABLES = List.of(
            new String[] {"market_price", "price_date", "symbol, price_date"},
            new String[] {"vwap_test", "trade_date", "instrument_id, trade_date"},
            new String[] {"registration_default_day", "default_date", "agreement_id, default_date"},
            new String[] {"interest_accrual", "accrual_date", "instrument_id, accrual_date"},
            new String[] {"penalty_accrual", "accrual_date", "instrument_id, accrual_date, kind"},
            new String[] {"mandatory_redemption_price", "price_date", "instrument_id, price_date"});

    private Map<String, List<Map<String, Object>>> dailyRowsThrough(String last) {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String[] t : DAILY_TABLES) {
            rows.put(t[0], jdbc.queryForList("SELECT * FROM " + t[0] + " WHERE " + t[1] + " <= ? ORDER BY " + t[2],
                    java.sql.Date.valueOf(last)));
        }
        return rows;
    }

    /** A copy of the sample data directory under the test's temporary directory, to edit. */
    private Path copyOfTheSample() throws IOException {
        Path data = tmp.resolve("data");
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path source : files.toList()) {
                Path target = data.resolve(SAMPLE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return data;
    }

    @Test
    void spec7v2ConversionDefaultPaidSettlesTheConversionDefaultBalance() throws IOException {
        // the sample's Conversion Default: CONV-BRA-2005-1, 7 days x 657.534247 = 4,602.739729 -> 4,602.74 for 2005-01;
        // CONVERSION_DEFAULT_PAID of 3,000.00 on 2005-02-15 leaves 4,602.74 - 3,000.00 = 1,602.74 outstanding
        Path data = copyOfTheSample();
        Files.writeString(data.resolve("filings/zz-conversion-default-paid.csv"),
                "date,type,subject,amount,shares,ratio,price,document,note\n"
                        + "2005-02-15,CONVERSION_DEFAULT_PAID,BRAMWELL-2002,3000.00,,,,,part of January's Conversion Default\n");
        assertEquals(ExitCodes.OK, run(data, "2002-03-28", "2007-03-28", "2026-11-21", null).exitCode());
        assertEquals(List.of("2005-01-01 4602.74 3000.00 1602.74"), jdbc.query("SELECT accrual_month, amount_due, amount_paid, outstanding"
                + " FROM penalty_balance WHERE instrument_id = 'BRAMWELL-2002' AND kind = 'CONVERSION_DEFAULT'"
                + " AND as_of_date = '2007-03-28' ORDER BY accrual_month", (rs, i) -> rs.getDate(1) + " "
                + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2) + " " + rs.getBigDecimal(4).setScale(2)));
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM treasury_payments WHERE event_type = 'CONVERSION_DEFAULT_PAID'",
                Integer.class));
    }

    @Test
    void spec15And16OnTheSampleIssuancesCoverageCapsAndNotices() {
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2007-03-28", "2026-11-21", null).exitCode());
        // 4(a)(F) on 2005-09-01: 1,000,000 at 2.50, MP 2.94, O 22,000,000, CP 1.8845 / 1.05 = 1.794761904762...:
        // 1.794761904762 x (22,000,000 + 2,500,000 / 2.94) / 23,000,000 = 1.783083477697
        assertEquals(List.of("BRAMWELL-2002 2005-09-01 Debenture 4(a)(F) 1.783083477697 22000000 2.940000",
                        "BRAMWELL-2002 2005-10-03 Debenture 4(a)(D) 1.700000000000 22000000 3.518000",
                        "BRAMWELL-2002 2005-11-01 Debenture 4(h)(v) 1.700000000000 22000000 3.268000",
                        "INFINEON-2002 2005-11-01 Debenture 4(a)(D) 1.600000000000 22000000 3.268000"),
                jdbc.query("SELECT instrument_id, effective_date, clause, conversion_price, shares_outstanding, market_price"
                        + " FROM conversion_price_history WHERE instrument_id IN ('BRAMWELL-2002', 'INFINEON-2002')"
                        + " AND effective_date BETWEEN '2005-09-01' AND '2005-12-31'"
                        + " AND NOT (instrument_id = 'INFINEON-2002' AND effective_date < '2005-11-01')"
                        + " ORDER BY instrument_id, effective_date, seq",
                        (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3) + " "
                                + rs.getBigDecimal(4).setScale(12).toPlainString() + " " + rs.getLong(5) + " "
                                + rs.getBigDecimal(6).setScale(6).toPlainString()));
        // the 5(c)(ii) threshold's price moves with the split and the dividend only
        assertEquals(0, new BigDecimal("1.794761904762").compareTo(jdbc.queryForObject("SELECT vwap_test_price FROM"
                + " conversion_price_history WHERE instrument_id = 'INFINEON-2002' AND effective_date = '2005-11-01'",
                BigDecimal.class)));
        // SPEC §16 on the sample's own split: required 2 x ceil(2,500,000 / 1.8845) ... less Halifax's 500,000
        // converted: ceil(2,500,000 / 1.8845) + ceil(2,000,000 / 1.8845) + 437,772 = 1,326,612 + 1,061,290 + 437,772
        // = 2,825,674 against 3,400,000 registered, below 125% = 3,532,092.5 until Bramwell's conversion of 2005-01-10
        assertEquals("2825674 3400000 132093", jdbc.queryForObject("SELECT required_shares, registered_shares, shortfall"
                + " FROM registration_coverage WHERE agreement_id = 'RRA-2002' AND coverage_date = '2004-09-08'",
                (rs, i) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3)));
        assertEquals(List.of("ADJUSTMENT_NOT_COMPUTABLE RMTR 2006-02-14 2006-02-14",
                        "COVERAGE_SHORTFALL RRA-2002 2004-09-08 2005-01-09",
                        "DISTRIBUTION_NOTICE_LATE RMTR 2006-06-15 2006-06-15",
                        "MANDATORY_CONVERSION_INVALID BRAMWELL-2002 2006-03-01 2006-03-01",
                        "OWNERSHIP_CAP_EXCEEDED HALIFAX-2002 2003-11-03 2003-11-03"),
                jdbc.query("SELECT code, subject, start_date, end_date FROM compliance_exception WHERE code IN"
                        + " ('ADJUSTMENT_NOT_COMPUTABLE', 'COVERAGE_SHORTFALL', 'REGISTRATION_UNDERSIZED',"
                        + " 'DISTRIBUTION_NOTICE_LATE', 'MANDATORY_CONVERSION_INVALID', 'OWNERSHIP_CAP_EXCEEDED')"
                        + " ORDER BY code, subject", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3)
                        + " " + rs.getDate(4)));
        // Infineon's own 5(c): (vi) reads the Joint Investor notices (none valid), (iv) is its listing condition
        assertEquals(List.of("5(c)(i) MET", "5(c)(ii) MET", "5(c)(iii) NOT_CHECKED", "5(c)(iv) MET", "5(c)(v) MET",
                        "5(c)(vi) NOT_MET", "5(c)(vii) NOT_CHECKED"),
                jdbc.query("SELECT condition_id, state FROM conversion_readiness_condition WHERE instrument_id = 'INFINEON-2002'"
                        + " AND as_of_date = '2007-03-28' ORDER BY condition_id", (rs, i) -> rs.getString(1) + " " + rs.getString(2)));
        // Halifax: all principal repaid by 2007-03-28: 0 shares + 2,100,000 against 9.99% x 24,700,000 = 2,467,530
        assertEquals("MET", jdbc.queryForObject("SELECT state FROM conversion_readiness_condition WHERE instrument_id ="
                + " 'HALIFAX-2002' AND as_of_date = '2007-03-28' AND condition_id = '5(c)(vii)'", String.class));
    }

    @Test
    void spec7v2ADaysRowsDoNotDependOnWhetherItIsTheRunsLastDay() throws IOException {
        // the sample data with Bramwell's 2003-07-01 interest unpaid and Halifax's paid only in part (30,000.00 of
        // 61,986.30) on that day, a Tuesday: run to the due date, then one day further with no new input row
        Path data = copyOfTheSample();
        Path log = data.resolve("filings/ramtron-2002-events.csv");
        String text = Files.readString(log);
        String bramwell = "2003-07-01,INTEREST_PAID,BRAMWELL-2002,62150.31,,,,,\n";
        String halifax = "2003-07-01,INTEREST_PAID,HALIFAX-2002,61986.30,";
        assertTrue(text.contains(bramwell) && text.contains(halifax));
        Files.writeString(log, text.replace(bramwell, "").replace(halifax, "2003-07-01,INTEREST_PAID,HALIFAX-2002,30000.00,"));

        assertEquals(ExitCodes.OK, run(data, "2002-03-28", "2003-07-01", "2026-11-21", null).exitCode());
        Map<String, List<Map<String, Object>>> toDueDate = dailyRowsThrough("2003-07-01");
        assertEquals(ExitCodes.OK, run(data, "2002-03-28", "2003-07-02", "2026-11-21", null).exitCode());
        Map<String, List<Map<String, Object>>> dayAfter = dailyRowsThrough("2003-07-01");
        for (String[] t : DAILY_TABLES) {
            assertEquals(toDueDate.get(t[0]), dayAfter.get(t[0]), t[0]);
        }
        // the due is late at the end of its own day: default interest on 07-01 in both runs,
        // Bramwell 62,150.31 x 24% / 365 = 40.865957, Halifax (61,986.30 - 30,000.00) x 24% / 365 = 21.032088
        assertEquals(List.of("BRAMWELL-2002 40.865957", "HALIFAX-2002 21.032088", "INFINEON-2002 0.000000"),
                jdbc.query("SELECT instrument_id, default_interest FROM interest_accrual WHERE accrual_date = '2003-07-01'"
                        + " ORDER BY instrument_id", (rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(6)));
    }

    @Test
    void rerunningTheSameRangeLeavesTheSameRows() {
        assertEquals(ExitCodes.OK, run(SAMPLE, "2002-03-28", "2007-03-28", "2026-11-21", null).exitCode());
        List<Map<String, Object>> prices = jdbc.queryForList("SELECT * FROM market_price ORDER BY symbol, price_date");
        List<Map<String, Object>> exceptions = exceptionRows();
        List<Map<String, Object>> rejects = jdbc.queryForList("SELECT * FROM input_reject ORDER BY file_name, line_number");

        assertEquals(ExitCodes.OK, run(SAMPLE, "2002-03-28", "2007-03-28", "2026-11-21", null).exitCode());

        assertEquals(prices, jdbc.queryForList("SELECT * FROM market_price ORDER BY symbol, price_date"));
        assertEquals(exceptions, exceptionRows());
        assertEquals(rejects, jdbc.queryForList("SELECT * FROM input_reject ORDER BY file_name, line_number"));
    }

    @Test
    void aSubRangeRerunGivesTheFullRunsRowsForItsRangeAndTouchesNothingElse() {
        run(SAMPLE, null, "2007-03-28", "2026-11-21", null);
        List<Map<String, Object>> full = jdbc.queryForList("SELECT * FROM market_price ORDER BY price_date");
        jdbc.update("UPDATE market_price_data SET market_price = 999 WHERE price_date < '2004-01-01'");

        assertEquals(ExitCodes.OK, run(SAMPLE, "2004-01-01", "2004-12-31", "2026-11-21", null).exitCode());

        List<Map<String, Object>> after = jdbc.queryForList("SELECT * FROM market_price ORDER BY price_date");
        assertEquals(full.size(), after.size());
        for (int i = 0; i < full.size(); i++) {
            LocalDate day = ((java.sql.Date) full.get(i).get("PRICE_DATE")).toLocalDate();
            if (day.getYear() == 2004) {
                assertEquals(full.get(i), after.get(i), day.toString());
            } else if (day.getYear() < 2004 && full.get(i).get("MARKET_PRICE") != null) {
                assertEquals(0, new BigDecimal("999").compareTo((BigDecimal) after.get(i).get("MARKET_PRICE")),
                        "outside the range: untouched " + day);
            }
        }
    }

    @Test
    void theSummaryCountsTheDealFilesRowsByKeyAsTheWholeTablesCountThem() {
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2007-03-28", "2026-11-21", null).exitCode());
        org.debentures.compliance.report.RunSummary whole = new org.debentures.compliance.report.RunSummary(jdbc);
        org.debentures.compliance.report.RunSummary byKey = new org.debentures.compliance.report.RunSummary(jdbc,
                deals.dealBook(SAMPLE));
        for (String[] range : List.of(new String[] {"2002-03-28", "2007-03-28"}, new String[] {"2004-01-01", "2004-12-31"},
                new String[] {"2004-06-01", "2004-06-01"})) {
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = LocalDate.parse(range[1]);
            assertEquals(whole.written(from, to), byKey.written(from, to), range[0] + " .. " + range[1]);
        }
        // one symbol (RMTR), a Market Price row for every calendar day: 2004 has 366, one day 1
        assertEquals(366L, byKey.written(LocalDate.parse("2004-01-01"), LocalDate.parse("2004-12-31")).get("market_price"));
        assertEquals(1L, byKey.written(LocalDate.parse("2004-06-01"), LocalDate.parse("2004-06-01")).get("market_price"));
    }

    /**
     * Nightly runs over days no run has reached mark nothing in the daily and as-of tables
     * ({@code ResultGenerations.RANGED_TABLES}): that holds only if every row there lies in the range
     * of the run that wrote it, and it must leave what a rerun of the whole history leaves.
     */
    @Test
    void nightlyRunsOverNewDaysLeaveTheDailyRowsARerunOfTheWholeHistoryLeaves() {
        // no generation of another test's runs: the nightly ranges below are then new
        for (String table : ResultGenerations.TABLE_KEYS.keySet()) {
            jdbc.update("DELETE FROM " + rowsOf(table));
        }
        jdbc.update("DELETE FROM results_replaced_key");
        jdbc.update("DELETE FROM results_generation_run");
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2004-06-28", "2026-11-21", null).exitCode());
        for (String businessDate : List.of("2004-06-30", "2004-07-01", "2004-07-06", "2004-07-07")) {
            ComplianceRunService.Outcome nightly = run(SAMPLE, null, null, businessDate, null);
            assertEquals(ExitCodes.OK, nightly.exitCode(), nightly.text());
            assertEquals(RunRange.Kind.NIGHTLY, nightly.range().kind());
        }
        Map<String, List<Map<String, Object>>> afterNightlies = dailyRows();
        assertEquals(LocalDate.parse("2004-07-06").toEpochDay() - ISSUE.toEpochDay() + 1,
                afterNightlies.get("market_price").size(), "one Market Price a calendar day, none twice");
        for (Map.Entry<String, String> ranged : ResultGenerations.RANGED_TABLES.entrySet()) {
            assertEquals(0, jdbc.queryForObject(("SELECT COUNT(*) FROM %s_data d JOIN results_generation_run g"
                    + " ON g.generation = d.generation WHERE d.%s < g.range_from OR d.%s > g.range_to")
                    .formatted(ranged.getKey(), ranged.getValue(), ranged.getValue()), Integer.class),
                    ranged.getKey() + ": a row outside its run's range");
        }

        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2004-07-06", "2026-11-21", null).exitCode());

        Map<String, List<Map<String, Object>>> rerun = dailyRows();
        for (String table : rerun.keySet()) {
            assertEquals(rerun.get(table), afterNightlies.get(table), table);
        }
    }

    /** The daily tables' rows (the as-of tables depend on the run's last day), in key order. */
    private Map<String, List<Map<String, Object>>> dailyRows() {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        rows.put("market_price", jdbc.queryForList("SELECT * FROM market_price ORDER BY symbol, price_date"));
        rows.put("vwap_test", jdbc.queryForList("SELECT * FROM vwap_test ORDER BY instrument_id, trade_date"));
        rows.put("interest_accrual", jdbc.queryForList("SELECT * FROM interest_accrual ORDER BY instrument_id, accrual_date"));
        rows.put("mandatory_redemption_price", jdbc.queryForList(
                "SELECT * FROM mandatory_redemption_price ORDER BY instrument_id, price_date"));
        rows.put("registration_default_day", jdbc.queryForList(
                "SELECT * FROM registration_default_day ORDER BY agreement_id, default_date"));
        rows.put("penalty_accrual", jdbc.queryForList(
                "SELECT * FROM penalty_accrual ORDER BY instrument_id, kind, holder, accrual_date"));
        return rows;
    }

    @Test
    void theNightlyRunStartsAfterTheLastDayProcessed() {
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2007-03-28", "2026-11-21", null).exitCode());

        ComplianceRunService.Outcome nightly = run(SAMPLE, null, null, "2007-03-31", null);

        assertEquals(ExitCodes.OK, nightly.exitCode(), nightly.text());
        assertEquals(new RunRange(LocalDate.parse("2007-03-29"), LocalDate.parse("2007-03-30"), RunRange.Kind.NIGHTLY),
                nightly.range());
        assertEquals(1829, jdbc.queryForObject("SELECT COUNT(*) FROM market_price", Integer.class));
        // the feed ends on 2007-03-28: the sessions of 03-29 and 03-30 are a gap that is still open
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM compliance_exception WHERE code = 'PRICE_MISSING'"
                + " AND start_date = '2007-03-29' AND status = 'OPEN' AND end_date IS NULL", Integer.class));
        assertEquals(LocalDate.parse("2007-03-30"), jdbc.queryForObject(
                "SELECT processed_through FROM deal_watermark WHERE deal_id = 'RAMTRON-2002'", java.sql.Date.class).toLocalDate());
    }

    /**
     * SPEC §14's ledger effect on the whole job: Bramwell redeems 500,000 of its 2,500,000 on Tue 2004-02-24 (notice
     * Tue 02-17, after the 6(d)(iii) run of 02-10 .. 02-12), paid on time on 03-01: from R its principal is 2,000,000
     * and bears no interest on the redeemed part; the notice's row is PAID with no late interest.
     */
    @Test
    void aValidPaidRedemptionTakesItsPrincipalOutOfTheLedgerFromTheRedemptionDate() throws IOException {
        Path dataDir = tmp.resolve("redemption");
        for (String folder : List.of("deals", "filings", "prices/vwap", "prices/closing-bid")) {
            Files.createDirectories(dataDir.resolve(folder));
            try (Stream<Path> files = Files.list(SAMPLE.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dataDir.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(dataDir.resolve("filings/zz-redemption.csv"),
                "date,type,subject,amount,shares,ratio,price,document,note,clause,period_end,effective_date\n"
                        + "2004-02-17,REDEMPTION_NOTICE,BRAMWELL-2002,500000.00,,,,N-BRA-1,,,,2004-02-24\n"
                        + "2004-03-01,REDEMPTION_PAID,BRAMWELL-2002,1500000.00,,,,N-BRA-1,,,,\n");
        deals.clear();
        ComplianceRunService.Outcome outcome = run(dataDir, null, "2004-06-30", "2026-11-21", null);
        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());

        assertEquals(List.of("2004-02-23 2500000.00", "2004-02-24 2000000.00", "2004-02-25 2000000.00"), jdbc.query(
                "SELECT accrual_date, principal FROM interest_accrual WHERE instrument_id = 'BRAMWELL-2002'"
                        + " AND accrual_date BETWEEN '2004-02-23' AND '2004-02-25' ORDER BY accrual_date",
                (rs, i) -> rs.getDate(1) + " " + rs.getBigDecimal(2).setScale(2)));
        // the day's regular interest on the 2,000,000 left: 2,000,000 x 5% / 365 = 273.972603
        assertEquals(0, new BigDecimal("273.972603").compareTo(jdbc.queryForObject("SELECT regular_interest FROM"
                + " interest_accrual WHERE instrument_id = 'BRAMWELL-2002' AND accrual_date = '2004-02-25'", BigDecimal.class)));
        // P = 500,000, I = its fifth of the interest accrued since 2004-01-01 (54 days x 2,500,000 x 5% / 365 =
        // 18,493.150685) = 3,698.63; paid 1,500,000 on 03-01, by the pay-by date 03-02: PAID, no late interest
        assertEquals("2004-02-24 500000.00 3698.63 2004-03-02 2004-03-01 0.00 PAID", jdbc.queryForObject(
                "SELECT redemption_date, principal, interest, pay_by, paid_date, late_interest, status FROM mandatory_redemption"
                        + " WHERE instrument_id = 'BRAMWELL-2002'", (rs, i) -> rs.getDate(1) + " "
                        + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2) + " " + rs.getDate(4) + " "
                        + rs.getDate(5) + " " + rs.getBigDecimal(6).setScale(2) + " " + rs.getString(7)));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM compliance_exception WHERE code = 'REDEMPTION_PAYMENT_LATE'"
                + " AND subject = 'BRAMWELL-2002'", Integer.class));
    }

    @Test
    void aBadDealFileStopsTheRunBeforeAnyWork() throws IOException {
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir.resolve("deals"));
        Files.writeString(dataDir.resolve("deals/ramtron-2002.yml"),
                Files.readString(SAMPLE.resolve("deals/ramtron-2002.yml")).replace("principal: 3000000.00", "principal: -1"));
        Integer runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM job_run", Integer.class);

        ComplianceRunService.Outcome outcome = run(dataDir, null, "2007-03-28", "2026-11-21", null);

        assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode());
        assertTrue(outcome.text().contains("deals/ramtron-2002.yml: key 'instruments[2].principal': -1 is negative"),
                outcome.text());
        assertEquals(runsBefore, jdbc.queryForObject("SELECT COUNT(*) FROM job_run", Integer.class));
    }

    @Test
    void anExceptionKeepsItsKeyAcrossRunsAndClosesWhenItsConditionEnds() {
        // as of 2003-01-10 the 2003-01-01 interest due is unpaid (paid on 01-20): INTEREST_UNPAID open since 01-03
        ComplianceRunService.Outcome first = run(SAMPLE, null, "2003-01-10", "2026-11-21", null);
        assertEquals(ExitCodes.OK, first.exitCode(), first.text());
        Map<String, Object> open = jdbc.queryForMap("SELECT * FROM compliance_exception WHERE code = 'INTEREST_UNPAID'"
                + " AND subject = 'BRAMWELL-2002'");
        assertEquals("OPEN", open.get("STATUS"));
        assertNull(open.get("END_DATE"));
        assertEquals(first.runId(), ((Number) open.get("FIRST_SEEN_RUN_ID")).longValue());

        ComplianceRunService.Outcome second = run(SAMPLE, "2003-01-11", "2003-01-31", "2026-11-21", null);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM compliance_exception WHERE code = 'INTEREST_UNPAID'"
                + " AND subject = 'BRAMWELL-2002'");
        assertEquals(1, rows.size(), "updated, not copied");
        Map<String, Object> closed = rows.get(0);
        assertEquals("CLOSED", closed.get("STATUS"));
        assertEquals(java.sql.Date.valueOf("2003-01-19"), closed.get("END_DATE"));
        assertEquals(first.runId(), ((Number) closed.get("FIRST_SEEN_RUN_ID")).longValue());
        assertEquals(second.runId(), ((Number) closed.get("RUN_ID")).longValue());
        assertEquals(second.runId(), ((Number) closed.get("CLOSED_IN_RUN_ID")).longValue());
        assertTrue(second.text().contains("INTEREST_UNPAID"), second.text());
    }

    @Test
    void treasuryViewsNeverShowFilingsNotesOrAllowedDelayReasons() {
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2007-03-28", "2026-11-21", null).exitCode());
        // the notes that say something (short generic ones such as "Conversion Notice" also occur in our own wording)
        List<String> notes = jdbc.queryForList("SELECT note FROM staged_filing WHERE note IS NOT NULL", String.class)
                .stream().filter(n -> n.length() >= 25).toList();
        assertTrue(notes.contains("pending acquisition: material non-public information"), "the sample has an Allowed Delay reason");
        List<String> views = jdbc.queryForList("SELECT table_name FROM information_schema.views WHERE"
                + " LOWER(table_name) LIKE 'treasury%'", String.class).stream().distinct().toList();
        assertEquals(11, views.size(), views.toString()); // with treasury_mandatory_redemptions (SPEC §14, V22)
        for (String view : views) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + view)) {
                assertFalse(row.keySet().stream().anyMatch(c -> c.equalsIgnoreCase("note")), view + " has a note column");
                for (Object value : row.values()) {
                    for (String note : notes) {
                        assertFalse(value != null && value.toString().contains(note), view + " shows the note '" + note + "'");
                    }
                }
            }
        }
        assertTrue(jdbc.queryForObject("SELECT COUNT(*) FROM legal_filings WHERE note IS NOT NULL", Integer.class) > 0,
                "legal sees the notes");
    }

    @Test
    void upcomingDeadlinesAsOfADayBeforeTheFirstInterestPaymentDate() {
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2002-06-20", "2026-11-21", null).exitCode());
        // 2002-06-20 + 30 days: the 07-01 Interest Payment Date with its projected amount:
        // 85 days accrued (03-28 .. 06-20) + 10 more days at 342.465753 = 95 x 342.465753 = 32,534.25
        List<Map<String, Object>> deadlines = jdbc.queryForList("SELECT * FROM upcoming_deadline WHERE as_of_date ="
                + " '2002-06-20' AND subject = 'BRAMWELL-2002'");
        assertEquals(1, deadlines.size(), deadlines.toString());
        assertEquals(java.sql.Date.valueOf("2002-07-01"), deadlines.get(0).get("DUE_DATE"));
        assertEquals(0, new BigDecimal("32534.25").compareTo((BigDecimal) deadlines.get(0).get("AMOUNT")));
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aSecondRunOfTheSameDealWhileOneRunsIsRefused() throws Exception {
        try (org.debentures.compliance.store.run.RunLock held = org.debentures.compliance.store.run.RunLock.acquire(dataSource,
                List.of("RAMTRON-2002"))) {
            ComplianceRunService.Outcome refused = run(SAMPLE, null, "2007-03-28", "2026-11-21", null);
            assertEquals(ExitCodes.LOCKED, refused.exitCode());
            assertTrue(refused.text().startsWith("Run refused: deal RAMTRON-2002 is being processed by another run"),
                    refused.text());
        }
        assertEquals(ExitCodes.OK, run(SAMPLE, null, "2007-03-28", "2026-11-21", null).exitCode(), "free again");
    }

    private List<Map<String, Object>> exceptionRows() {
        return jdbc.queryForList("SELECT code, subject, clause, start_date, end_date, status, severity, message"
                + " FROM compliance_exception ORDER BY code, subject, start_date");
    }
}
