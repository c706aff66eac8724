package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #8: a catalogue of bad inputs, each run through the whole job. Each gives rejects with file,
 * line and a reason a person understands, nothing else is lost, the run completes, and for every
 * file read = accepted + duplicate + rejected.
 */
class BadInputCatalogueTests extends WholeJobTest {

    private static final String BID = "prices/closing-bid";
    private static final String VWAP = "prices/vwap";
    private static final String FILINGS = "filings";
    private static final String BID_HEADER = "symbol,date,closing_bid\n";
    private static final String FILINGS_HEADER = "date,type,subject,amount,shares,ratio,price,document,note\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        freshFileH2(registry, "catalogue");
    }

    /** One case: a file in a folder, and the rejects expected as "line: reason start" (empty: none). */
    static Stream<Arguments> catalogue() {
        String longLine = "RMTR,2002-04-01," + "9".repeat(5000);
        return Stream.of(
                Arguments.of("wrong encoding", BID, BID_HEADER.getBytes(StandardCharsets.UTF_8).length > 0
                        ? latin1(BID_HEADER + "RMTR,2002-04-01,3.60\u00e9\n") : null,
                        List.of("2: not valid UTF-8 text"), 1),
                Arguments.of("BOM, CRLF and mixed line ends", BID,
                        utf8("\uFEFFsymbol,date,closing_bid\r\nRMTR,2002-04-01,3.60\nRMTR,2002-04-02,3.50\r\nRMTR,2002-04-03,3.49\r"),
                        List.of(), 3),
                Arguments.of("quoted commas and quotes", FILINGS, utf8(FILINGS_HEADER
                        + "2002-04-30,REGISTRATION_FILED,RRA-2002,,2800000,,,\"S-3, No. 1\",\"He said \"\"filed\"\"\"\n"),
                        List.of(), 1),
                Arguments.of("missing header", BID, utf8("RMTR,2002-04-01,3.60\nRMTR,2002-04-02,3.50\n"),
                        List.of("1: the header (line 1) is not usable: missing column(s)",
                                "2: row of a file whose header is not usable"), 2),
                Arguments.of("missing required column", BID, utf8("symbol,date\nRMTR,2002-04-01\n"),
                        List.of("1: the header (line 1) is not usable: missing column(s) [closing_bid]",
                                "2: row of a file whose header is not usable"), 2),
                Arguments.of("extra columns", BID, utf8("symbol,date,closing_bid,source\nRMTR,2002-04-01,3.60,bbg\n"
                        + "RMTR,2002-04-02,3.50,bbg,x\n"), List.of("3: line has 5 field(s); the header has 4"), 2),
                Arguments.of("empty file", BID, utf8(""), List.of(), 0),
                Arguments.of("header only", BID, utf8(BID_HEADER), List.of(), 0),
                Arguments.of("blank lines", BID, utf8(BID_HEADER + "\nRMTR,2002-04-01,3.60\n   \n"),
                        List.of("2: blank line", "4: blank line"), 3),
                Arguments.of("number with an exponent", BID, utf8(BID_HEADER + "RMTR,2002-04-01,3.6e0\n"),
                        List.of("2: closing_bid '3.6e0' is not a plain decimal number"), 1),
                Arguments.of("thousands separator", BID, utf8(BID_HEADER + "RMTR,2002-04-01,\"1,003.60\"\n"),
                        List.of("2: closing_bid '1,003.60' is not a plain decimal number"), 1),
                Arguments.of("huge number", BID, utf8(BID_HEADER + "RMTR,2002-04-01,99999999999999.99\n"),
                        List.of("2: closing_bid '99999999999999.99' is too large"), 1),
                Arguments.of("negative price", VWAP, utf8("symbol,date,vwap,volume\nRMTR,2002-04-01,-3.60,100\n"),
                        List.of("2: vwap -3.60 is negative"), 1),
                Arguments.of("zero price", BID, utf8(BID_HEADER + "RMTR,2002-04-01,0\n"),
                        List.of("2: closing_bid is zero; it must be above zero"), 1),
                Arguments.of("zero split ratio", FILINGS, utf8(FILINGS_HEADER + "2004-09-08,STOCK_SPLIT,RMTR,,,0,,,\n"),
                        List.of("2: ratio is zero; it must be above zero"), 1),
                Arguments.of("impossible date", BID, utf8(BID_HEADER + "RMTR,2003-02-30,3.60\n"),
                        List.of("2: date '2003-02-30' is not a real calendar date"), 1),
                Arguments.of("date before the deal", FILINGS, utf8(FILINGS_HEADER
                        + "2001-06-01,INTEREST_PAID,BRAMWELL-2002,100.00,,,,,\n"),
                        List.of("2: date 2001-06-01 is before the deal of BRAMWELL-2002 starts (2002-03-28)"), 1),
                Arguments.of("price long before the deal", BID, utf8(BID_HEADER + "RMTR,2001-01-02,3.60\n"),
                        List.of("2: date 2001-01-02 is more than 60 days before the first deal on RMTR starts"), 1),
                Arguments.of("date far in the future", BID, utf8(BID_HEADER + "RMTR,2031-01-02,3.60\n"),
                        List.of("2: date 2031-01-02 is after the business date 2026-11-21: a row from the future"), 1),
                Arguments.of("conflicting duplicates in one file", BID, utf8(BID_HEADER + "RMTR,2002-04-01,3.60\n"
                        + "RMTR,2002-04-01,3.70\n"), List.of("2: ambiguous: prices/closing-bid/case.csv gives 2 values",
                        "3: ambiguous: prices/closing-bid/case.csv gives 2 values"), 2),
                Arguments.of("unknown type", FILINGS, utf8(FILINGS_HEADER + "2002-05-01,INTEREST_PAYED,BRAMWELL-2002,1,,,,,\n"),
                        List.of("2: unknown type 'INTEREST_PAYED'"), 1),
                Arguments.of("unknown subject", FILINGS, utf8(FILINGS_HEADER + "2002-05-01,INTEREST_PAID,BRAMWEL-2002,1,,,,,\n"),
                        List.of("2: INTEREST_PAID needs an instrument as subject; 'BRAMWEL-2002' is not one"), 1),
                Arguments.of("an _END with no start", FILINGS, utf8(FILINGS_HEADER + "2003-10-17,ALLOWED_DELAY_END,RRA-2002,,,,,,\n"),
                        List.of("2: ALLOWED_DELAY_END for RRA-2002 on 2003-10-17 with no open ALLOWED_DELAY_START"), 1),
                Arguments.of("a second start while one is open", FILINGS, utf8(FILINGS_HEADER
                        + "2003-10-08,ALLOWED_DELAY_START,RRA-2002,,,,,,\n2003-10-09,ALLOWED_DELAY_START,RRA-2002,,,,,,\n"),
                        List.of("3: ALLOWED_DELAY_START for RRA-2002 on 2003-10-09 while the one of 2003-10-08"), 2),
                Arguments.of("a conversion larger than the principal", FILINGS, utf8(FILINGS_HEADER
                        + "2003-11-03,CONVERSION,BRAMWELL-2002,3000000.00,795967,,,C-1,\n"),
                        List.of("2: CONVERSION of $3,000,000.00 on 2003-11-03 exceeds the principal outstanding of BRAMWELL-2002 ($2,500,000.00)"), 1),
                Arguments.of("a delivery with no conversion", FILINGS, utf8(FILINGS_HEADER
                        + "2003-11-06,SHARES_DELIVERED,BRAMWELL-2002,,1,,,C-9,\n"),
                        List.of("2: SHARES_DELIVERED for BRAMWELL-2002 on 2003-11-06 names conversion 'C-9'"), 1),
                Arguments.of("v2 columns (SPEC §12) with a bad date or clause", FILINGS, utf8(FILINGS_HEADER.strip()
                        + ",clause,period_end,effective_date\n"
                        + "2002-07-01,CONVERSION_DEFAULT_PAID,BRAMWELL-2002,10.00,,,,,,,,\n"
                        + "2002-07-02,PENALTY_PAID,BRAMWELL-2002,10.00,,,,W-1,,6(d)(ix),2002-06-30,\n"
                        + "2002-07-03,PENALTY_PAID,BRAMWELL-2002,10.00,,,,,,,2002-06-31,\n"
                        + "2002-07-03,PENALTY_PAID,BRAMWELL-2002,10.00,,,,,,6(d)(12),,\n"
                        + "2002-07-03,PENALTY_PAID,BRAMWELL-2002,10.00,,,,,,,,2002-13-01\n"),
                        List.of("4: period_end '2002-06-31' is not a real calendar date",
                                "5: clause '6(d)(12)' is not a clause the log may name",
                                "6: effective_date '2002-13-01' is not a real calendar date"), 5),
                Arguments.of("v2 types (SPEC §12-§14) badly written", FILINGS, utf8(FILINGS_HEADER.strip()
                        + ",clause,period_end,effective_date\n"
                        + "2003-04-24,EARNINGS_RELEASED,RMTR,,,,,2003Q1,,,,\n"
                        + "2003-05-09,EBITDA_CERTIFICATE,RMTR,-600000,,,,2003Q1,,,,\n"
                        + "2003-05-09,EBITDA_CERTIFICATE,RMTR,-600000,,,,2003-Q1,,,,\n"
                        + "2003-05-09,EBITDA_FINAL,RMTR,100,,,,2003Q5,,,,\n"
                        + "2004-03-15,CAPEX_AUDITED,RMTR,-2000000,,,,2003,,,,\n"
                        + "2004-03-15,REVENUE_AUDITED,RMTR,60000000,,,,FY2003,,,,\n"
                        + "2004-05-03,MAJOR_ANNOUNCEMENT,RMTR,,,,,MERGER,,,,\n"
                        + "2003-08-18,WAIVER,HALIFAX-2002,,,,,WAIVER-2003-08,,6(d)(ix),2003-12-31,\n"
                        + "2003-08-18,WAIVER,HALIFAX-2002,,,,,WAIVER-2003-09,,4(h)(v),,\n"
                        + "2004-02-17,REDEMPTION_NOTICE,BRAMWELL-2002,,,,,N-1,,,,\n"
                        + "2004-02-17,REDEMPTION_NOTICE,BRAMWELL-2002,,,,,N-2,,,,2004-02-24\n"
                        + "2004-03-09,REDEMPTION_PAID,BRAMWELL-2002,3000000,,,,N-2,,,,\n"
                        + "2004-03-09,REDEMPTION_PAID,BRAMWELL-2002,3000000,,,,N-7,,,,\n"
                        + "2004-03-09,REDEMPTION_RESCINDED,HALIFAX-2002,,,,,N-2,,,,\n"),
                        List.of("4: EBITDA_CERTIFICATE needs the quarter as document, written YYYYQn (2003Q1); '2003-Q1'",
                                "5: EBITDA_FINAL needs the quarter as document, written YYYYQn (2003Q1); '2003Q5'",
                                "6: amount -2000000 is negative",
                                "7: REVENUE_AUDITED needs the year as document, written YYYY (2003); 'FY2003'",
                                "8: MAJOR_ANNOUNCEMENT needs document CHANGE_OF_CONTROL or TENDER_OFFER; 'MERGER'",
                                "10: WAIVER names clause 4(h)(v); a waiver covers an Event of Default clause",
                                "11: REDEMPTION_NOTICE needs effective_date (empty or missing column)",
                                "14: REDEMPTION_PAID for BRAMWELL-2002 on 2004-03-09 names notice 'N-7', but no REDEMPTION_NOTICE",
                                "15: REDEMPTION_RESCINDED for HALIFAX-2002 on 2004-03-09 names notice 'N-2', but no REDEMPTION_NOTICE"), 14),
                Arguments.of("v2 types (SPEC §15-§16) badly written", FILINGS, utf8(FILINGS_HEADER.strip()
                        + ",clause,period_end,effective_date\n"
                        + "2002-03-01,SHARES_OUTSTANDING,RMTR,,22000000,,,,,,,\n"
                        + "2002-04-01,SHARES_OUTSTANDING,RMTR,,-22000000,,,,,,,\n"
                        + "2003-05-01,ISSUANCE,RMTR,,800000,,,RESET,,,,\n"
                        + "2003-05-01,ISSUANCE,RMTR,,800000,,3.10,COMMON,,6(d)(ix),,\n"
                        + "2003-05-01,ISSUANCE,RMTR,,800000,,3.10,WARRANT,,,,\n"
                        + "2003-05-01,ISSUANCE,RMTR,,800000,,3.10,COMMON,,4(h)(vi),,\n"
                        + "2003-05-01,HOLDER_POSITION,BRAMWELL-2002,,-5,,,,,,,\n"
                        + "2003-10-01,MANDATORY_CONVERSION_NOTICE,BRAMWELL-2002,,,,,MCN-1,,,,\n"),
                        List.of("3: shares -22000000 is negative",
                                "4: ISSUANCE needs price (empty or missing column)",
                                "5: ISSUANCE names clause 6(d)(ix); an issuance's clause is its 4(h) exemption",
                                "6: ISSUANCE needs document COMMON, CONVERTIBLE or RESET; 'WARRANT' is none of them",
                                "7: clause '4(h)(vi)' is not a clause the log may name",
                                "8: shares -5 is negative",
                                "9: MANDATORY_CONVERSION_NOTICE needs effective_date (empty or missing column)"), 8),
                Arguments.of("a truncated last line", BID, utf8(BID_HEADER + "RMTR,2002-04-01,3.60\nRMTR,2002-04-0"),
                        List.of("3: line has 2 field(s); the header has 3"), 2),
                Arguments.of("a truncated quoted last line", BID, utf8(BID_HEADER + "RMTR,2002-04-01,\"3.6"),
                        List.of("2: a quoted field is not closed before the end of the file"), 1),
                Arguments.of("a very long line", BID, utf8(BID_HEADER + longLine + "\n"),
                        List.of("2: line is 5016 characters long; at most 4000 are accepted"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachBadInputIsRejectedWithFileLineAndReasonAndNothingIsLost(String name, String folder, byte[] content,
                                                                    List<String> expectedRejects, int expectedRead)
            throws IOException {
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir.resolve("deals"));
        Files.copy(Path.of("data/deals/ramtron-2002.yml"), dataDir.resolve("deals/ramtron-2002.yml"));
        Files.createDirectories(dataDir.resolve(folder));
        Files.write(dataDir.resolve(folder).resolve("case.csv"), content);
        deals.clear();

        ComplianceRunService.Outcome outcome = runs.run(new RunOptions(dataDir, Optional.empty(),
                Optional.of(LocalDate.parse("2002-12-31")), Optional.empty(), LocalDate.parse("2026-11-21")));

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
        String file = folder + "/case.csv";
        List<String> rejects = jdbc.query("SELECT line_number, reason, raw_line FROM input_reject WHERE file_name = ?"
                + " ORDER BY line_number", (rs, i) -> rs.getLong(1) + ": " + rs.getString(2), file);
        assertEquals(expectedRejects.size(), rejects.size(), name + ": " + rejects);
        if (name.equals("conflicting duplicates in one file") || name.equals("an _END with no start")) {
            // rejected by resolution, after staging: the reject keeps the line as read, looked up from the staged row
            List<String> lines = Files.readAllLines(dataDir.resolve(file));
            for (Map<String, Object> reject : jdbc.queryForList("SELECT line_number, raw_line FROM input_reject"
                    + " WHERE file_name = ?", file)) {
                assertEquals(lines.get(((Number) reject.get("LINE_NUMBER")).intValue() - 1), reject.get("RAW_LINE"), name);
            }
        }
        for (int i = 0; i < expectedRejects.size(); i++) {
            assertTrue(rejects.get(i).startsWith(expectedRejects.get(i)), name + ": " + rejects.get(i));
        }
        Map<String, Object> counts = jdbc.queryForMap("SELECT * FROM input_file WHERE run_id = ? AND file_name = ?",
                outcome.runId(), file);
        long read = ((Number) counts.get("ROWS_READ")).longValue();
        assertEquals(expectedRead, read, name);
        assertEquals(read, ((Number) counts.get("ROWS_ACCEPTED")).longValue()
                + ((Number) counts.get("ROWS_DUPLICATE")).longValue() + ((Number) counts.get("ROWS_REJECTED")).longValue(),
                name + ": read = accepted + duplicate + rejected");
        assertEquals(rejects.size(), ((Number) counts.get("ROWS_REJECTED")).intValue());
        assertTrue(outcome.text().contains("rejected"), outcome.text());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
