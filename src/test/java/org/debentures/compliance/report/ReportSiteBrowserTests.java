package org.debentures.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.debentures.compliance.app.ComplianceApplication;
import org.debentures.compliance.app.ComplianceRunService;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.app.RunOptions;
import org.debentures.compliance.tools.sample.PortfolioGenerator;
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
 * Issue 22: the report site of a generated multi-deal portfolio (6 deals, 20 instruments, 2002-2003) in a real
 * headless Chromium: the index opens with the action list, whose open Events of Default and amounts owed are the
 * database's; a link from the index leads to a deal page whose charts all load and none is blank; load times are
 * measured; screenshots go to {@code target/report-screenshots/} for a person to look at. And the audiences stay
 * apart: a filings-log note planted in the portfolio appears in no treasury page, treasury workbook or digest.
 * Without Chromium the browser test is skipped with a message ({@code .ci/run} installs it).
 */
@SpringBootTest(classes = ComplianceApplication.class, properties = "compliance.command-line.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSiteBrowserTests {

    private static final Path WORK = Path.of("target/test-site/" + System.nanoTime()).toAbsolutePath();
    private static final Path EXPORT = WORK.resolve("export");
    private static final Path SHOTS = Path.of("target/report-screenshots").toAbsolutePath();
    /** A filings-log note that stands for material non-public information. */
    private static final String CANARY = "MNPI-CANARY merger talks with Acme (board only)";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + WORK.resolve("db"));
    }

    @Autowired
    ComplianceRunService runs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void runAGeneratedPortfolioTwice() throws IOException {
        Path portfolio = WORK.resolve("portfolio");
        PortfolioGenerator.main(new String[] {portfolio.toString(), "7", "6", "20", "--through=2003-12-31"});
        // the note goes on a filing the job accepts (a registration filed), so that it is stored in the filings log
        Path filings = portfolio.resolve("filings/deal-001.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(filings));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(",REGISTRATION_FILED,") && lines.get(i).endsWith(",")) {
                lines.set(i, lines.get(i) + CANARY);
                break;
            }
        }
        Files.write(filings, lines);
        // a first run through the first half of 2003, then the nightly-style run through 2003: the site compares them
        assertEquals(ExitCodes.OK, run(portfolio, "2003-06-30", Optional.empty()).exitCode());
        ComplianceRunService.Outcome second = run(portfolio, "2003-12-31", Optional.of(EXPORT));
        assertEquals(ExitCodes.OK, second.exitCode(), second.text());
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM legal_filings WHERE note = ?", Integer.class, CANARY),
                "the planted note is in the filings log (legal readers may see it)");
    }

    private ComplianceRunService.Outcome run(Path portfolio, String to, Optional<Path> export) {
        return runs.run(new RunOptions(portfolio, Optional.empty(), Optional.of(LocalDate.parse(to)), export,
                LocalDate.parse("2004-01-01")));
    }

    @Test
    void theIndexOpensWithTheActionListAndADealPageShowsEveryChartInChromium() throws Exception {
        Optional<Path> chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "skipped: Chromium is not installed (apt-get install chromium); .ci/run installs it");
        Files.createDirectories(SHOTS);
        Path profile = Files.createTempDirectory("chromium-profile");
        Path index = EXPORT.resolve("index.html");

        long started = System.nanoTime();
        String dom = Chromium.run(chromium.get(), profile, "--virtual-time-budget=5000", "--dump-dom", index.toUri().toString());
        long indexMs = (System.nanoTime() - started) / 1_000_000;
        // the action list's open Events of Default are the database's
        int openEods = jdbc.queryForObject("""
                SELECT COUNT(*) FROM legal_exceptions WHERE code = 'EVENT_OF_DEFAULT' AND start_date <= ?
                AND (end_date IS NULL OR end_date >= ?)""", Integer.class, java.sql.Date.valueOf("2003-12-31"),
                java.sql.Date.valueOf("2003-12-31"));
        assertTrue(openEods > 0, "the portfolio has open Events of Default on its last day");
        assertTrue(dom.contains("<span class=\"count\" id=\"open-eod\">" + openEods + " Events of Default open</span>"), dom);
        assertTrue(dom.indexOf("id=\"action-list\"") < dom.indexOf("<h2>Deals</h2>"), "the action list comes first");
        // the amounts owed: the index's total is the sum of what the database says is outstanding
        BigDecimal penalties = jdbc.queryForObject("""
                SELECT COALESCE(SUM(outstanding), 0) FROM treasury_penalty_balance WHERE as_of_date = ?""",
                BigDecimal.class, java.sql.Date.valueOf("2003-12-31"));
        BigDecimal interest = jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount_due) - SUM(COALESCE(amount_paid, 0)), 0) FROM treasury_interest_due
                WHERE due_date <= ?""", BigDecimal.class, java.sql.Date.valueOf("2003-12-31"));
        BigDecimal defaultInterest = jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount_due) - SUM(COALESCE(amount_paid, 0)), 0) FROM treasury_default_interest
                WHERE accrual_month <= ?""", BigDecimal.class, java.sql.Date.valueOf("2003-12-31"));
        BigDecimal redemptions = jdbc.queryForObject("""
                SELECT COALESCE(SUM(price), 0) FROM treasury_mandatory_redemptions WHERE notice_date <= ?
                AND paid_date IS NULL""", BigDecimal.class, java.sql.Date.valueOf("2003-12-31"));
        BigDecimal owed = penalties.add(interest).add(defaultInterest).add(redemptions);
        assertTrue(owed.signum() > 0, "something is owed on the portfolio");
        String total = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(
                java.util.Locale.US)).format(owed.setScale(2, java.math.RoundingMode.HALF_UP));
        assertTrue(dom.contains("<td>total</td><td class=\"num\">" + total + "</td>"), "the total owed " + total
                + " is on the index:\n" + dom);
        screenshot(chromium.get(), profile, index, SHOTS.resolve("index.png"));

        // follow the first deal link of the index's deal table, as a reader would
        Matcher link = Pattern.compile("<h2>Deals</h2>.*?<a href=\"(deals/[^\"]+\\.html)\">([^<]+)</a>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(link.find(), "the index links its deals");
        Path deal = EXPORT.resolve(link.group(1));
        assertTrue(Files.exists(deal), deal.toString());
        started = System.nanoTime();
        String page = Chromium.run(chromium.get(), profile, "--virtual-time-budget=10000", "--dump-dom",
                deal.toUri().toString());
        long dealMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(page.contains("<h1>" + link.group(2) + ": "), "the linked page is the deal's");
        assertTrue(page.contains("id=\"action-list\""));
        Matcher check = Pattern.compile("<div id=\"chart-check\" data-images=\"(\\d+)\" data-problems=\"([^\"]*)\""
                + " data-load-ms=\"(\\d+)\"").matcher(page);
        assertTrue(check.find(), "the page's chart check ran in the browser");
        assertTrue(Integer.parseInt(check.group(1)) >= 3, "the deal page has its charts: " + check.group(1));
        assertEquals("", check.group(2), "every chart loaded and is not blank");
        screenshot(chromium.get(), profile, deal, SHOTS.resolve("deal.png"));
        Files.writeString(SHOTS.resolve("load-times.txt"), "index " + indexMs + " ms (Chromium start included), deal page "
                + dealMs + " ms, of which the page's own load " + check.group(3) + " ms\n");
        assertTrue(dealMs < 60_000, "the deal page loads in well under a minute: " + dealMs + " ms");
    }

    @Test
    void noFilingsLogNoteReachesATreasuryPageTheTreasuryWorkbookOrTheDigest() throws IOException {
        List<Path> treasury = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXPORT.resolve("treasury"))) {
            files.filter(Files::isRegularFile).forEach(treasury::add);
        }
        treasury.add(EXPORT.resolve("what-changed.txt"));
        treasury.add(EXPORT.resolve("what-changed.html"));
        assertTrue(treasury.size() >= 6 + 1 + 1 + 2, "the treasury pages, index, workbook and digest: " + treasury);
        for (Path file : treasury) {
            String text = file.toString().endsWith(".xlsx") ? workbookText(file)
                    : Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(text.contains("MNPI-CANARY"), file + " shows a filings-log note");
        }
        for (Path page : pages()) {
            assertTrue(Files.size(page) < 5_000_000, page + " is under 5 MB");
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(EXPORT)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    /** Every string a workbook holds (its shared strings and inline strings), read without POI's object model. */
    private static String workbookText(Path xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (entry.getName().endsWith(".xml")) {
                    text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    private static void screenshot(Path chromium, Path profile, Path page, Path png) throws Exception {
        Chromium.run(chromium, profile, "--window-size=1300,2400", "--hide-scrollbars", "--screenshot=" + png,
                page.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "a screenshot of " + page + " at " + png);
    }

}
