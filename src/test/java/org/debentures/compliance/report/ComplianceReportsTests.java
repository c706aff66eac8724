package org.debentures.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.debentures.compliance.app.ComplianceApplication;
import org.debentures.compliance.app.ComplianceRunService;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.app.RunOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports legal and treasury open without SQL: the workbook (real dates and numbers, frozen
 * headings, filters) and the self-contained HTML page, opened in a real headless Chromium that
 * must show every chart, none blank. Without Chromium the browser test is skipped with a message
 * ({@code .ci/run} installs it).
 */
@SpringBootTest(classes = ComplianceApplication.class, properties = "compliance.command-line.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportsTests {

    private static final Path EXPORT = Path.of("target/test-reports/" + System.nanoTime()).toAbsolutePath();
    private static final String NAME = "compliance-report-2002-03-28-2007-03-28";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + EXPORT.resolve("db"));
    }

    @Autowired
    ComplianceRunService runs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void runTheSampleDeal() {
        ComplianceRunService.Outcome outcome = runs.run(new RunOptions(Path.of("data"), Optional.empty(),
                Optional.of(LocalDate.parse("2007-03-28")), Optional.of(EXPORT), LocalDate.parse("2026-11-21")));
        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
    }

    @Test
    void theWorkbookHasRealDatesNumbersFrozenHeadingsAndFilters() throws IOException {
        try (InputStream in = Files.newInputStream(EXPORT.resolve(NAME + ".xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            List<String> sheets = new java.util.ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertEquals(List.of("Action list", "Legal - Exceptions", "Legal - Events of Default", "Legal - Covenants",
                    "Legal - Conversion Prices", "Legal - Share coverage", "Legal - Default days",
                    "Legal - Deadlines", "Legal - Readiness", "Legal - Ownership caps",
                    "Legal - Readings"), sheets);
            XSSFSheet defaults = book.getSheet("Legal - Default days");
            assertEquals(52, defaults.getPhysicalNumberOfRows()); // heading + the 51 RRA-2002 default days
            // issue 22: every sheet starts with the deal of its row, so that one workbook serves a portfolio
            assertEquals("Deal", defaults.getRow(0).getCell(0).getStringCellValue());
            assertEquals("RAMTRON-2002", defaults.getRow(1).getCell(0).getStringCellValue());
            assertTrue(defaults.getPaneInformation().isFreezePane());
            assertTrue(defaults.getCTWorksheet().isSetAutoFilter());
            Cell date = defaults.getRow(1).getCell(2);
            assertEquals(CellType.NUMERIC, date.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(date));
            assertEquals(LocalDate.parse("2002-04-30"), date.getLocalDateTimeCellValue().toLocalDate());
            // the treasury sheets are the treasury workbook's (legal readers open both, as on the site)
            try (InputStream t = Files.newInputStream(EXPORT.resolve("treasury/treasury-report-2002-03-28-2007-03-28.xlsx"));
                 XSSFWorkbook treasury = new XSSFWorkbook(t)) {
                List<String> treasurySheets = new java.util.ArrayList<>();
                treasury.forEach(sheet -> treasurySheets.add(sheet.getSheetName()));
                assertEquals(List.of("Action list", "Treasury - Accruals by month", "Treasury - Interest dues",
                        "Treasury - Default interest", "Treasury - Payments", "Treasury - Outstanding",
                        "Treasury - Redemption notices", "Treasury - Redemption prices"), treasurySheets);
                Sheet dues = treasury.getSheet("Treasury - Interest dues");
                Cell amount = dues.getRow(1).getCell(5);
                assertEquals(CellType.NUMERIC, amount.getCellType());
                assertEquals(32534.25, amount.getNumericCellValue(), 0.001);
                assertEquals("#,##0.00", amount.getCellStyle().getDataFormatString());
            }
            // SPEC §12: the six months to 2003-06-30, 700,000 against 750,000: headroom -50,000, -6.7% of the target
            Sheet covenants = book.getSheet("Legal - Covenants");
            Row june = null;
            for (Row row : covenants) {
                if (row.getRowNum() > 0 && "2003-06-30".equals(String.valueOf(row.getCell(3).getLocalDateTimeCellValue()
                        .toLocalDate())) && row.getCell(4).getNumericCellValue() == 6) {
                    june = row;
                }
            }
            assertTrue(june != null, "the six months to 2003-06-30");
            assertEquals(-50000.0, june.getCell(7).getNumericCellValue(), 0.001);
            assertEquals(-50000.0 / 750000.0, june.getCell(8).getNumericCellValue(), 0.000001);
            // the action list: the exceptions open on the run's last day, Events of Default first
            Sheet actions = book.getSheet("Action list");
            assertEquals("Deal", actions.getRow(0).getCell(0).getStringCellValue());
            assertEquals(4, actions.getPhysicalNumberOfRows(), "heading + the 3 exceptions open on 2007-03-28");
        }
    }

    @Test
    void theReportSiteIsSelfContainedAndEachDealPageChartsItsOwnDeal() throws IOException {
        String deal = Files.readString(EXPORT.resolve("deals/RAMTRON-2002.html"), StandardCharsets.UTF_8);
        String index = Files.readString(EXPORT.resolve("index.html"), StandardCharsets.UTF_8);
        for (Path page : List.of(EXPORT.resolve("index.html"), EXPORT.resolve("deals/RAMTRON-2002.html"),
                EXPORT.resolve("treasury/index.html"), EXPORT.resolve("treasury/deals/RAMTRON-2002.html"),
                EXPORT.resolve("what-changed.html"))) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    page + ": no network resource");
            assertTrue(Files.size(page) < 5_000_000, page + " under 5 MB");
        }
        assertTrue(index.contains("href=\"deals/RAMTRON-2002.html\""), "the index links the deal page");
        assertTrue(index.indexOf("Action list as of 2007-03-28") < index.indexOf("<h2>Deals</h2>"), "the action list first");
        assertEquals(7, count(deal, "<img class=\"chart\""), "one VWAP chart for the symbol (with the three"
                + " instruments' thresholds), the Market Price, the default-day timeline, the amounts over time, the"
                + " deal's Conversion Prices (a step line per instrument), the RRA-2002 coverage, EBITDA against target");
        assertEquals(1, count(deal, "alt=\"VWAP against the 5(c)(ii) thresholds: RMTR\""), "one VWAP chart per symbol");
        assertTrue(deal.contains("Market Price and its unavailable days: RMTR"));
        assertTrue(deal.contains("Conversion Prices over time: RAMTRON-2002"));
        assertTrue(deal.contains("Share coverage: RRA-2002"));
        assertTrue(deal.contains("EBITDA against target: RAMTRON-2002"));
        assertTrue(deal.contains("Registration Default days on a timeline"));
        // amounts owed now, per Holder, with thousands separators, two decimals and the clause: Halifax's 12,333.34 of
        // liquidated damages (RRA 2(d)) and Bramwell's 4,602.74 of conversion default damages (Debenture 3(e))
        assertTrue(deal.contains("<td>liquidated damages</td><td>RRA 2(d)</td><td class=\"num\">12,333.34</td>"), deal);
        assertTrue(deal.contains("<td>conversion default damages</td><td>Debenture 3(e)</td><td class=\"num\">4,602.74</td>"));
        assertTrue(index.contains("<td>Halifax Fund, L.P.</td><td class=\"num\">4,490,961.22</td>"), index);
    }

    @Test
    void theDigestSaysWhatTheRunChangedInPlainText() throws IOException {
        String digest = Files.readString(EXPORT.resolve("what-changed.txt"), StandardCharsets.UTF_8);
        assertTrue(digest.startsWith("Debenture compliance: what changed as of 2007-03-28\n"), digest);
        assertTrue(digest.contains("(the first completed run: everything is new)"), digest);
        assertTrue(digest.contains("opened CRITICAL EVENT_OF_DEFAULT BRAMWELL-2002 6(d)(v) from 2003-01-10 to 2003-01-19"),
                digest);
        assertTrue(digest.lines().count() < 40, "short enough to mail: " + digest.lines().count() + " lines");
    }

    @Test
    void chromiumShowsEveryChartAndNoneIsBlank() throws Exception {
        Optional<Path> chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "skipped: Chromium is not installed (apt-get install chromium); .ci/run installs it");
        Path html = EXPORT.resolve("deals/RAMTRON-2002.html");
        Path profile = Files.createTempDirectory("chromium-profile");
        String dom = Chromium.run(chromium.get(), profile, "--virtual-time-budget=10000", "--dump-dom",
                html.toUri().toString());
        Matcher check = Pattern.compile("<div id=\"chart-check\" data-images=\"(\\d+)\" data-problems=\"([^\"]*)\"")
                .matcher(dom);
        assertTrue(check.find(), "the page's chart check ran in the browser");
        assertEquals("7", check.group(1));
        assertEquals("", check.group(2), "every chart loaded and is not blank");

        Path screenshot = EXPORT.resolve("report-screenshot.png");
        Chromium.run(chromium.get(), profile, "--window-size=1280,2000", "--screenshot=" + screenshot,
                html.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1280, image.getWidth());
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colors.add(image.getRGB(x, y));
            }
        }
        assertTrue(colors.size() > 50, "the screenshot shows charts, not a blank page: " + colors.size() + " colours");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
