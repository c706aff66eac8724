package org.debentures.compliance.report.site;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.debentures.compliance.report.ReportCharts;
import org.debentures.compliance.report.WorkbookReport;
import org.debentures.compliance.store.report.ReportData;
import org.debentures.compliance.store.report.ReportQuery;
import org.debentures.compliance.store.report.SiteQueries;
import org.debentures.compliance.store.report.SiteQueries.Deadline;
import org.debentures.compliance.store.report.SiteQueries.OpenException;
import org.debentures.compliance.store.report.SiteQueries.Owed;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report site of a range (issue 22), a folder a user can zip, mail or serve from a file share:
 * <pre>
 * index.html                        the portfolio (legal): the action list first, then the deals, linked
 * deals/DEAL.html                   one page per deal (legal): its action list, its own charts, its tables
 * treasury/index.html               the same for treasury readers, from the treasury_* views only
 * treasury/deals/DEAL.html
 * what-changed.txt, what-changed.html   the digest a scheduler can mail (treasury-safe: no filings-log text)
 * compliance-report-FROM-TO.xlsx    the workbook (legal): an action-list sheet, then every table, streamed
 * treasury/treasury-report-FROM-TO.xlsx  the treasury tables
 * </pre>
 * Every page is self-contained (styles inline, charts as PNG data URIs) and written as it is produced; a page's
 * tables stop at {@link #ROWS_PER_TABLE} rows with a note (the workbook and the CSV export have them all), so that
 * no page grows with the history. Deal pages are written on a few threads; each reads only its own deal's rows.
 */
public final class ReportSite {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSite.class);

    /** The rows of one table a page shows; the rest are in the workbook and the CSV export. */
    static final int ROWS_PER_TABLE = 400;
    /** The rows of one portfolio list (Events of Default, deadlines, changes) the index shows. */
    static final int ROWS_PER_LIST = 300;
    /** No chart (nothing to draw), kept in a deal's shared charts like one. */
    private static final ReportCharts.Chart NO_CHART = new ReportCharts.Chart("", "");

    /** The exception changes a deal page lists in its action list. */
    static final int CHANGES_SHOWN = 50;
    /** The deadline horizon of the action list, in days. */
    static final int HORIZON_DAYS = 30;

    private final ReportData data;
    private final SiteQueries queries;
    /** Worker time of the deal pages, by part (logged at the end, for docs/performance.md). */
    private final java.util.concurrent.atomic.AtomicLong actionNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong chartNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong tableNanos = new java.util.concurrent.atomic.AtomicLong();
    private final int threads;

    public ReportSite(JdbcTemplate jdbc) {
        this.data = new ReportData(jdbc);
        this.queries = new SiteQueries(jdbc);
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** One deal's subjects: what its rows are keyed by. */
    record Subjects(DealTerms deal, List<String> instruments, List<String> agreements, Set<String> all,
                    Map<String, String> holderOf) {
        static Subjects of(DealTerms deal) {
            List<String> instruments = deal.instruments().stream().map(Instrument::id).toList();
            List<String> agreements = deal.registrationAgreements().stream().map(RegistrationAgreement::id).toList();
            Set<String> all = new LinkedHashSet<>(instruments);
            all.addAll(agreements);
            all.add(deal.id());
            all.add(deal.symbol());
            Map<String, String> holders = new LinkedHashMap<>();
            deal.instruments().forEach(i -> holders.put(i.id(), i.holder()));
            return new Subjects(deal, instruments, agreements, all, holders);
        }

        String holder(String instrument) {
            return holderOf.getOrDefault(instrument, "");
        }
    }

    /** What the index keeps of a deal once its page is written: a few figures and its most urgent lines. */
    record DealSummary(DealTerms deal, List<OpenException> eventsOfDefault, int openExceptions, int critical,
                       Map<String, BigDecimal> owedByHolder, BigDecimal owed, List<Deadline> deadlines,
                       List<OpenException> opened, List<OpenException> closed, int newDefaultDays,
                       List<Object[]> payments) {
    }

    /** The files written, the index first. */
    public List<Path> write(Path directory, DealBook book, LocalDate from, LocalDate to) {
        try {
            Files.createDirectories(directory.resolve("deals"));
            Files.createDirectories(directory.resolve("treasury").resolve("deals"));
            SiteQueries.Runs runs = queries.runs(to);
            List<Path> written = new ArrayList<>();
            // the two workbooks (long single tasks, each a database stream) beside the deal pages from the start, so
            // that both processors stay busy to the end instead of the workbooks running alone after the pages
            Path xlsx = directory.resolve("compliance-report-" + from + "-" + to + ".xlsx");
            Path treasuryXlsx = directory.resolve("treasury").resolve("treasury-report-" + from + "-" + to + ".xlsx");
            ExecutorService books = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "report-workbook");
                t.setDaemon(true);
                return t;
            });
            List<DealSummary[]> summaries;
            Future<Long> legalBook;
            Future<Long> treasuryBook;
            try {
                legalBook = books.submit(() -> timed(() -> workbook(xlsx, book, from, to, true)));
                treasuryBook = books.submit(() -> timed(() -> workbook(treasuryXlsx, book, from, to, false)));
                summaries = dealPages(directory, book, from, to, runs);
            } catch (RuntimeException e) {
                books.shutdownNow();
                throw e;
            }
            for (boolean legal : new boolean[] {true, false}) {
                List<DealSummary> audience = summaries.stream().map(pair -> pair[legal ? 0 : 1]).toList();
                Path index = legal ? directory.resolve("index.html") : directory.resolve("treasury").resolve("index.html");
                writeIndex(index, audience, from, to, runs, legal);
                written.add(index);
                if (!legal) {
                    written.addAll(Digest.write(directory, audience, to, runs));
                }
            }
            LOG.info("report site: deal pages' worker time: action lists {} ms, charts {} ms, tables {} ms",
                    actionNanos.get() / 1_000_000, chartNanos.get() / 1_000_000, tableNanos.get() / 1_000_000);
            try {
                LOG.info("report site: workbooks written in {} ms (legal) and {} ms (treasury), beside the pages",
                        await(legalBook), await(treasuryBook));
            } finally {
                books.shutdownNow();
            }
            written.add(xlsx);
            written.add(treasuryXlsx);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report site to " + directory + ": " + e.getMessage(), e);
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    /** Runs {@code writing}; returns its time in milliseconds. */
    private static long timed(Writing writing) throws IOException {
        long started = System.nanoTime();
        writing.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static <T> T await(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report site", e);
        }
    }

    // ------------------------------------------------------------------ deal pages

    /** Each deal's legal and treasury pages, written by one task (they share the charts both show); summaries in order. */
    private List<DealSummary[]> dealPages(Path directory, DealBook book, LocalDate from, LocalDate to,
                                          SiteQueries.Runs runs) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-site");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DealSummary[]>> pages = new ArrayList<>();
            for (DealTerms deal : book.deals()) {
                pages.add(pool.submit(() -> {
                    Subjects subjects = Subjects.of(deal);
                    Map<String, Object> shared = new java.util.HashMap<>();
                    return new DealSummary[] {dealPage(directory, subjects, from, to, runs, true, shared),
                            dealPage(directory, subjects, from, to, runs, false, shared)};
                }));
            }
            List<DealSummary[]> summaries = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < pages.size(); i++) {
                summaries.add(await(pages.get(i)));
                if ((i + 1) % 50 == 0 || i + 1 == pages.size()) {
                    LOG.info("report site: {} of {} deals (legal and treasury pages) in {} ms", i + 1, pages.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
            return summaries;
        } finally {
            pool.shutdownNow();
        }
    }

    static String dealFile(String dealId) {
        return dealId.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
    }

    private DealSummary dealPage(Path directory, Subjects s, LocalDate from, LocalDate to, SiteQueries.Runs runs,
                                 boolean legal, Map<String, Object> shared) throws IOException {
        DealTerms deal = s.deal();
        long t0 = System.nanoTime();
        List<OpenException> open = queries.openExceptions(s.all(), to, legal);
        List<Owed> owed = named(queries.owed(s.instruments(), to), s);
        List<Deadline> deadlines = queries.deadlines(List.of(deal.id()), to, HORIZON_DAYS, legal);
        List<OpenException> changed = runs.current().isPresent()
                ? queries.changedBy(s.all(), runs.current().get(), legal) : List.of();
        LocalDate since = runs.previousTo().orElse(from.minusDays(1));
        List<Object[]> newDays = runs.previous().isPresent() ? queries.defaultDaysBetween(s.agreements(), since, to)
                : List.of();
        List<Object[]> payments = runs.previous().isPresent() ? queries.paymentsBetween(s.instruments(), since, to)
                : List.of();
        List<OpenException> opened = changed.stream().filter(e -> runs.current().get().equals(e.firstSeenRun())).toList();
        List<OpenException> closed = changed.stream().filter(e -> runs.current().get().equals(e.closedInRun())).toList();

        Path file = (legal ? directory : directory.resolve("treasury")).resolve("deals").resolve(dealFile(deal.id()));
        try (Html page = new Html(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16))) {
            String audience = legal ? "Legal" : "Treasury";
            page.head(deal.id() + " (" + deal.issuer() + "): compliance as of " + to, "data-page=\"deal\" data-audience=\""
                    + audience.toLowerCase() + "\"");
            page.raw("<nav><a href=\"../index.html\">Portfolio</a> · " + audience + " view</nav>\n");
            page.h(1, deal.id() + ": " + deal.issuer() + " (" + deal.symbol() + ")");
            page.p("meta", "As of " + to + " (range " + from + " .. " + to + "). " + s.instruments().size()
                    + " instruments: " + String.join(", ", s.instruments()) + ". " + runLine(runs)
                    + " Amounts in USD, two decimals; every amount with its clause.");
            page.raw("<section class=\"actions\" id=\"action-list\">\n");
            page.h(2, "Action list as of " + to);
            actionList(page, open, owed, deadlines);
            changes(page, runs, opened, closed, newDays, payments);
            page.raw("</section>\n");
            long t1 = System.nanoTime();
            actionNanos.addAndGet(t1 - t0);
            page.h(2, "Charts");
            charts(page, s, from, to, legal, shared);
            long t2 = System.nanoTime();
            chartNanos.addAndGet(t2 - t1);
            page.h(2, legal ? "Tables (Legal, then Treasury)" : "Tables");
            if (legal) {
                for (ReportQuery table : data.legal(from, to)) {
                    table(page, table, keysOf(table, s));
                }
            }
            // the treasury tables are the same on both pages: read and written once, on the legal pass
            String treasury = (String) shared.get("treasury tables");
            if (treasury == null) {
                java.io.StringWriter html = new java.io.StringWriter();
                Html part = new Html(html);
                for (ReportQuery table : data.treasury(from, to)) {
                    table(part, table, keysOf(table, s));
                }
                treasury = html.toString();
                shared.put("treasury tables", treasury);
            }
            page.raw(treasury);
            tableNanos.addAndGet(System.nanoTime() - t2);
            page.end(CHART_CHECK);
        }
        Map<String, BigDecimal> byHolder = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Owed o : owed) {
            byHolder.merge(o.holder(), o.amount(), BigDecimal::add);
            total = total.add(o.amount());
        }
        List<OpenException> eods = open.stream().filter(OpenException::eventOfDefault).toList();
        int critical = (int) open.stream().filter(e -> "CRITICAL".equals(e.severity())).count();
        return new DealSummary(deal, eods, open.size(), critical, byHolder, total, deadlines, opened, closed,
                newDays.size(), payments);
    }

    /** The Holder of each instrument's interest, default interest and redemption lines (the views key them by instrument). */
    private static List<Owed> named(List<Owed> owed, Subjects s) {
        List<Owed> named = new ArrayList<>(owed.size());
        for (Owed o : owed) {
            named.add(o.holder() == null || o.holder().isEmpty()
                    ? new Owed(s.holder(o.instrument()), o.instrument(), o.kind(), o.clause(), o.amount()) : o);
        }
        named.sort(java.util.Comparator.comparing(Owed::holder).thenComparing(Owed::instrument).thenComparing(Owed::kind));
        return named;
    }

    private static Collection<String> keysOf(ReportQuery table, Subjects s) {
        return switch (table.keyColumn()) {
            case "instrument_id" -> s.instruments();
            case "agreement_id" -> s.agreements();
            case "deal_id" -> List.of(s.deal().id());
            default -> s.all();
        };
    }

    private static String runLine(SiteQueries.Runs runs) {
        if (runs.current().isEmpty()) {
            return "No run is recorded for this range.";
        }
        return "Run " + runs.current().get() + (runs.previous().isPresent() ? "; compared with the previous completed run "
                + runs.previous().get() + " (as of " + runs.previousTo().get() + ")." : "; no earlier completed run to"
                + " compare with.");
    }

    private static void actionList(Html page, List<OpenException> open, List<Owed> owed, List<Deadline> deadlines) {
        List<OpenException> eods = open.stream().filter(OpenException::eventOfDefault).toList();
        page.raw("<p><span class=\"count\" id=\"open-eod\">" + eods.size() + " Events of Default open</span>"
                + "<span class=\"count\" id=\"open-exceptions\">" + open.size() + " exceptions open</span></p>\n");
        page.h(3, "Open exceptions, Events of Default first");
        if (open.isEmpty()) {
            page.p("empty", "No exception is open.");
        } else {
            page.tableHead(List.of("Severity", "Code", "Subject", "Clause", "Since", "Message"));
            int shown = 0;
            for (OpenException e : open) {
                if (shown++ == ROWS_PER_TABLE) {
                    break;
                }
                page.row(e.eventOfDefault() ? "EOD" : e.severity(), List.of(e.severity(), e.code(), e.subject(),
                        nz(e.clause()), e.start(), nz(e.message())));
            }
            page.tableEnd();
            more(page, open.size());
        }
        page.h(3, "Amounts owed now, per Holder");
        if (owed.isEmpty()) {
            page.p("empty", "Nothing is owed.");
        } else {
            page.tableHead(List.of("Holder", "Instrument", "What", "Clause", "Amount (USD)"));
            String holder = null;
            BigDecimal subtotal = BigDecimal.ZERO;
            for (Owed o : owed) {
                if (holder != null && !holder.equals(o.holder())) {
                    page.row("total", List.of(holder, "", "total", "", subtotal));
                    subtotal = BigDecimal.ZERO;
                }
                holder = o.holder();
                subtotal = subtotal.add(o.amount());
                page.row("owed", List.of(o.holder(), o.instrument(), kind(o.kind()), o.clause(), o.amount()));
            }
            page.row("total", List.of(holder, "", "total", "", subtotal));
            page.tableEnd();
        }
        page.h(3, "Deadlines in the next " + HORIZON_DAYS + " days");
        deadlineTable(page, deadlines, false);
    }

    static String kind(String kind) {
        return switch (kind) {
            case "REGISTRATION_DEFAULT" -> "liquidated damages";
            case "CONVERSION_DEFAULT" -> "conversion default damages";
            case "REDEMPTION_LATE_INTEREST" -> "late interest on a redemption price";
            case "INTEREST" -> "interest due, unpaid";
            case "DEFAULT_INTEREST" -> "default interest due, unpaid";
            case "MANDATORY_REDEMPTION" -> "Mandatory Redemption Price noticed, unpaid";
            default -> kind;
        };
    }

    private static void deadlineTable(Html page, List<Deadline> deadlines, boolean withDeal) {
        if (deadlines.isEmpty()) {
            page.p("empty", "No deadline in the next " + HORIZON_DAYS + " days.");
            return;
        }
        List<String> headings = new ArrayList<>(List.of("Due", "Subject", "Obligation", "Clause", "Amount (USD)", "Detail"));
        if (withDeal) {
            headings.add(1, "Deal");
        }
        page.tableHead(headings);
        int shown = 0;
        for (Deadline d : deadlines) {
            if (shown++ == (withDeal ? ROWS_PER_LIST : ROWS_PER_TABLE)) {
                break;
            }
            List<Object> cells = new ArrayList<>(List.of(d.due(), d.subject(), d.obligation(), nz(d.clause()),
                    d.amount() == null ? "" : d.amount(), nz(d.detail())));
            if (withDeal) {
                cells.add(1, new Html.Link(d.dealId(), "deals/" + dealFile(d.dealId())));
            }
            page.row("", cells);
        }
        page.tableEnd();
        more(page, deadlines.size());
    }

    private static void changes(Html page, SiteQueries.Runs runs, List<OpenException> opened, List<OpenException> closed,
                                List<Object[]> newDays, List<Object[]> payments) {
        page.h(3, "What changed since the previous completed run");
        if (runs.current().isEmpty()) {
            page.p("empty", "No run is recorded.");
            return;
        }
        page.raw("<p><span class=\"count\">" + opened.size() + " exceptions opened</span><span class=\"count\">"
                + closed.size() + " closed</span><span class=\"count\">" + newDays.size()
                + " new default days</span><span class=\"count\">" + payments.size() + " payments received</span></p>\n");
        if (runs.previous().isEmpty()) {
            page.p("meta", "Run " + runs.current().get() + " is the first completed run: everything is new (the exceptions"
                    + " are listed below, under Tables).");
            return;
        }
        if (!opened.isEmpty() || !closed.isEmpty()) {
            page.tableHead(List.of("Change", "Severity", "Code", "Subject", "Clause", "Start", "End"));
            int shown = 0;
            for (OpenException e : opened) {
                if (shown++ < CHANGES_SHOWN) {
                    page.row(e.eventOfDefault() ? "EOD" : e.severity(), List.of("opened", e.severity(), e.code(),
                            e.subject(), nz(e.clause()), e.start(), e.end() == null ? "" : e.end()));
                }
            }
            for (OpenException e : closed) {
                if (shown++ < CHANGES_SHOWN) {
                    page.row("", List.of("closed", e.severity(), e.code(), e.subject(), nz(e.clause()), e.start(),
                            e.end() == null ? "" : e.end()));
                }
            }
            page.tableEnd();
            if (shown > CHANGES_SHOWN) {
                page.p("more", "Showing " + CHANGES_SHOWN + " of " + shown + " changes; the Exceptions table has them all.");
            }
        }
        if (!payments.isEmpty()) {
            page.tableHead(List.of("Payment date", "Instrument", "Type", "Amount (USD)"));
            for (Object[] p : payments) {
                page.row("", List.of(p[0], p[1], p[2], p[3] == null ? "" : p[3]));
            }
            page.tableEnd();
        }
    }

    private void charts(Html page, Subjects s, LocalDate from, LocalDate to, boolean legal,
                        Map<String, Object> shared) throws IOException {
        ReportCharts charts = new ReportCharts();
        List<ReportCharts.Chart> pictures = new ArrayList<>();
        String symbol = s.deal().symbol();
        if (legal) {
            List<Object[]> tests = queries.vwapTests(s.instruments(), from, to);
            if (!tests.isEmpty()) {
                pictures.add(charts.vwapBySymbol(symbol, tests, s.deal().mandatoryConversion().requiredTradingDays()));
            }
        }
        ReportCharts.Chart market = (ReportCharts.Chart) shared.get("market " + s.deal().id());
        if (market == null) {
            List<Object[]> prices = queries.marketPrices(symbol, from, to);
            market = prices.isEmpty() ? NO_CHART : charts.marketPrice(symbol, prices);
            shared.put("market " + s.deal().id(), market);
        }
        if (market != NO_CHART) {
            pictures.add(market);
        }
        if (legal) {
            List<Object[]> days = queries.defaultDays(s.agreements(), from, to);
            if (!days.isEmpty()) {
                pictures.add(charts.defaultDaysTimeline(days));
            }
        }
        ReportCharts.Chart amounts = (ReportCharts.Chart) shared.get("amounts " + s.deal().id());
        if (amounts == null) {
            List<Object[]> money = new ArrayList<>();
            for (Object[] row : queries.moneyOverTime(s.instruments(), to)) {
                if (!"PENALTY".equals(row[2])) {
                    row[0] = s.holder((String) row[0]);
                }
                money.add(row);
            }
            amounts = money.isEmpty() ? NO_CHART : charts.amountsOverTime(s.deal().id() + ": accrued and paid amounts"
                    + " over time per Holder (penalties RRA 2(d) / Debenture 3(e); interest Debenture 2(a))", money);
            shared.put("amounts " + s.deal().id(), amounts);
        }
        if (amounts != NO_CHART) {
            pictures.add(amounts);
        }
        if (legal) {
            Map<String, List<Object[]>> changes = new LinkedHashMap<>();
            queries.conversionPriceChanges(s.instruments(), to).forEach(row ->
                    changes.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
            if (changes.values().stream().anyMatch(rows -> rows.stream().anyMatch(r -> Boolean.TRUE.equals(r[4])))) {
                pictures.add(charts.conversionPriceSteps(s.deal().id(), changes, from, to));
            }
            Map<String, List<Object[]>> coverage = new LinkedHashMap<>();
            queries.coverageDays(s.agreements(), from, to).forEach(row ->
                    coverage.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
            for (Map.Entry<String, List<Object[]>> agreement : coverage.entrySet()) {
                pictures.add(charts.coverage(agreement.getKey(), agreement.getValue()));
            }
        }
        if (legal) {
            List<Object[]> ebitda = data.ebitdaTests(s.deal().id(), to);
            if (!ebitda.isEmpty()) {
                pictures.add(charts.ebitdaAgainstTarget(s.deal().id(), ebitda));
            }
        }
        if (pictures.isEmpty()) {
            page.p("empty", "Nothing to chart for this deal in the range.");
        }
        for (ReportCharts.Chart chart : pictures) {
            page.h(3, chart.title());
            page.raw("<img class=\"chart\" alt=\"").text(chart.title()).raw("\" src=\"" + chart.dataUri() + "\">\n");
        }
    }

    private void table(Html page, ReportQuery table, Collection<String> keys) {
        page.h(3, table.title());
        boolean[] started = {false};
        long rows = data.stream(table, keys, ROWS_PER_TABLE, row -> {
            if (!started[0]) {
                page.tableHead(table.headings());
                started[0] = true;
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                cells.add(cell(row.get(c), table.numberFormats().get(c)));
            }
            Object first = row.isEmpty() ? null : row.get(0);
            page.row(first instanceof String v && v.matches("[A-Z]+") ? v : "", cells);
        });
        if (started[0]) {
            page.tableEnd();
        } else {
            page.p("empty", "No rows for this range.");
        }
        more(page, rows);
    }

    /** A cell of a stored table: money with two decimals, daily accruals and prices as stored, counts as integers. */
    private static Object cell(Object value, String format) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b && format != null && !format.equals("#,##0.00")) {
            if (format.contains("%")) {
                return b.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
            }
            if (format.equals("0")) {
                return b.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
            }
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return value;
    }

    private static void more(Html page, long rows) {
        if (rows > ROWS_PER_TABLE) {
            page.p("more", "Showing the first " + ROWS_PER_TABLE + " of " + rows + " rows; all of them are in the workbook"
                    + " and the CSV export.");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ the index

    private void writeIndex(Path file, List<DealSummary> deals, LocalDate from, LocalDate to, SiteQueries.Runs runs,
                            boolean legal) throws IOException {
        try (Html page = new Html(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16))) {
            String audience = legal ? "Legal" : "Treasury";
            page.head("Debenture compliance as of " + to + ": portfolio", "data-page=\"index\" data-audience=\""
                    + audience.toLowerCase() + "\"");
            page.raw("<nav>" + audience + " view" + (legal ? " · <a href=\"treasury/index.html\">Treasury view</a>" : "")
                    + " · <a href=\"" + (legal ? "" : "../") + "what-changed.html\">What changed</a></nav>\n");
            page.h(1, "Debenture compliance as of " + to);
            int instruments = deals.stream().mapToInt(d -> d.deal().instruments().size()).sum();
            page.p("meta", deals.size() + " deals, " + instruments + " instruments; range " + from + " .. " + to + ". "
                    + runLine(runs) + " Amounts in USD, two decimals.");
            page.raw("<section class=\"actions\" id=\"action-list\">\n");
            page.h(2, "Action list as of " + to);
            List<OpenException> eods = new ArrayList<>();
            List<String[]> eodDeals = new ArrayList<>();
            int open = 0;
            for (DealSummary d : deals) {
                open += d.openExceptions();
                for (OpenException e : d.eventsOfDefault()) {
                    eods.add(e);
                    eodDeals.add(new String[] {d.deal().id()});
                }
            }
            page.raw("<p><span class=\"count\" id=\"open-eod\">" + eods.size() + " Events of Default open</span>"
                    + "<span class=\"count\" id=\"open-exceptions\">" + open + " exceptions open</span></p>\n");
            page.h(3, "Events of Default open, by deal");
            if (eods.isEmpty()) {
                page.p("empty", "No Event of Default is open.");
            } else {
                page.tableHead(List.of("Deal", "Subject", "Clause", "Since", "Message"));
                for (int i = 0; i < Math.min(eods.size(), ROWS_PER_LIST); i++) {
                    OpenException e = eods.get(i);
                    String deal = eodDeals.get(i)[0];
                    page.row("EOD", List.of(new Html.Link(deal, "deals/" + dealFile(deal)), e.subject(), nz(e.clause()),
                            e.start(), nz(e.message())));
                }
                page.tableEnd();
                if (eods.size() > ROWS_PER_LIST) {
                    page.p("more", "Showing " + ROWS_PER_LIST + " of " + eods.size() + "; the deal pages list them all.");
                }
            }
            page.h(3, "Amounts owed now, per Holder (all deals)");
            Map<String, BigDecimal> byHolder = new TreeMap<>();
            deals.forEach(d -> d.owedByHolder().forEach((h, a) -> byHolder.merge(h, a, BigDecimal::add)));
            if (byHolder.isEmpty()) {
                page.p("empty", "Nothing is owed.");
            } else {
                page.tableHead(List.of("Holder", "Amount owed (USD)"));
                BigDecimal total = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> h : byHolder.entrySet()) {
                    page.row("", List.of(h.getKey(), h.getValue()));
                    total = total.add(h.getValue());
                }
                page.row("total", List.of("total", total));
                page.tableEnd();
                page.p("meta", "What each amount is (liquidated damages, interest, default interest, conversion"
                        + " default damages, redemption prices) and its clause: on the deal pages.");
            }
            page.h(3, "Deadlines in the next " + HORIZON_DAYS + " days (all deals)");
            List<Deadline> deadlines = new ArrayList<>();
            deals.forEach(d -> deadlines.addAll(d.deadlines()));
            deadlines.sort(java.util.Comparator.comparing(Deadline::due).thenComparing(Deadline::dealId));
            deadlineTable(page, deadlines, true);
            page.h(3, "What changed since the previous completed run");
            int opened = deals.stream().mapToInt(d -> d.opened().size()).sum();
            int closed = deals.stream().mapToInt(d -> d.closed().size()).sum();
            int days = deals.stream().mapToInt(DealSummary::newDefaultDays).sum();
            int payments = deals.stream().mapToInt(d -> d.payments().size()).sum();
            page.raw("<p><span class=\"count\">" + opened + " exceptions opened</span><span class=\"count\">" + closed
                    + " closed</span><span class=\"count\">" + days + " new default days</span><span class=\"count\">"
                    + payments + " payments received</span></p>\n");
            page.raw("<p class=\"meta\">The plain-text digest: <a href=\"" + (legal ? "" : "../")
                    + "what-changed.txt\">what-changed.txt</a>.</p>\n");
            page.raw("</section>\n");

            page.h(2, "Deals");
            page.tableHead(List.of("Deal", "Issuer", "Symbol", "Instruments", "Events of Default open",
                    "Exceptions open", "Critical", "Owed now (USD)", "Next deadline", "Changes this run"));
            for (DealSummary d : deals) {
                page.row(d.eventsOfDefault().isEmpty() ? "" : "EOD", List.of(
                        new Html.Link(d.deal().id(), "deals/" + dealFile(d.deal().id())), d.deal().issuer(),
                        d.deal().symbol(), d.deal().instruments().size(), d.eventsOfDefault().size(), d.openExceptions(),
                        d.critical(), d.owed(), d.deadlines().isEmpty() ? "" : d.deadlines().get(0).due(),
                        (d.opened().size() + d.closed().size()) + " exceptions, " + d.newDefaultDays() + " default days, "
                                + d.payments().size() + " payments"));
            }
            page.tableEnd();
            page.end("");
        }
    }

    // ------------------------------------------------------------------ workbooks

    private void workbook(Path file, DealBook book, LocalDate from, LocalDate to, boolean legal) throws IOException {
        Map<String, String> dealOf = new java.util.HashMap<>();
        for (DealTerms deal : book.deals()) {
            Subjects.of(deal).all().forEach(subject -> dealOf.putIfAbsent(subject, deal.id()));
        }
        List<WorkbookReport.SheetSource> sheets = new ArrayList<>();
        sheets.add(new WorkbookReport.SheetSource("Action list", List.of("Deal", "Severity", "Code", "Subject", "Clause",
                "Since", "Message"), java.util.Arrays.asList(null, null, null, null, null, null, null), out -> {
                    long rows = 0;
                    for (DealTerms deal : book.deals()) {
                        for (OpenException e : queries.openExceptions(Subjects.of(deal).all(), to, legal)) {
                            out.accept(java.util.Arrays.asList(deal.id(), e.severity(), e.code(), e.subject(), e.clause(),
                                    e.start(), e.message()));
                            rows++;
                        }
                    }
                    return rows;
                }));
        // the legal workbook has the legal sheets, the treasury workbook the treasury ones: legal readers open both (as
        // on the site), and no sheet is written twice
        List<ReportQuery> tables = legal ? data.legal(from, to) : data.treasury(from, to);
        for (ReportQuery table : tables) {
            List<String> headings = new ArrayList<>(table.headings());
            headings.add(0, "Deal");
            List<String> formats = new ArrayList<>(table.numberFormats());
            formats.add(0, null);
            int key = keyIndex(table);
            sheets.add(new WorkbookReport.SheetSource(table.audience() + " - " + table.title(), headings, formats,
                    out -> data.stream(table, null, WorkbookReport.MAX_ROWS, row -> {
                        List<Object> cells = new ArrayList<>(row.size() + 1);
                        Object subject = key < 0 ? null : row.get(key);
                        cells.add(subject == null ? "" : dealOf.getOrDefault(subject.toString(), ""));
                        cells.addAll(row);
                        out.accept(cells);
                    })));
        }
        new WorkbookReport().write(file, (legal ? "Debenture compliance report " : "Treasury report ") + from + " .. "
                + to, sheets);
    }

    /** The column of a table's rows that names its instrument, agreement, deal or subject (-1: none). */
    private static int keyIndex(ReportQuery table) {
        String select = table.sql().substring(0, table.sql().indexOf("FROM")).toLowerCase(java.util.Locale.ROOT);
        String[] columns = select.replaceFirst("(?s)^\\s*select\\s+", "").split(",");
        for (int i = 0; i < columns.length; i++) {
            String column = columns[i].trim();
            column = column.substring(column.lastIndexOf(' ') + 1);
            column = column.substring(column.indexOf('.') + 1);
            if (column.equals(table.keyColumn())) {
                return i;
            }
        }
        return -1;
    }

    /** The page's own check, read by the browser test: every chart image loaded and is not blank. */
    static final String CHART_CHECK = """
            <script>
            window.addEventListener('load', function () {
              var images = document.querySelectorAll('img.chart');
              var bad = [];
              images.forEach(function (img) {
                if (!img.complete || img.naturalWidth === 0) { bad.push(img.alt + ': not loaded'); return; }
                var canvas = document.createElement('canvas');
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                var ctx = canvas.getContext('2d');
                ctx.drawImage(img, 0, 0);
                var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                var colors = {};
                var distinct = 0;
                for (var i = 0; i < data.length && distinct < 16; i += 4 * 97) {
                  var key = data[i] + ',' + data[i + 1] + ',' + data[i + 2];
                  if (!colors[key]) { colors[key] = true; distinct++; }
                }
                if (distinct < 3) { bad.push(img.alt + ': blank'); }
              });
              var result = document.createElement('div');
              result.id = 'chart-check';
              result.setAttribute('data-images', String(images.length));
              result.setAttribute('data-problems', bad.join('; '));
              result.setAttribute('data-load-ms', String(Math.round(performance.now())));
              result.textContent = bad.length === 0 ? 'charts ok: ' + images.length : 'chart problems: ' + bad.join('; ');
              result.style.display = 'none';
              document.body.appendChild(result);
            });
            </script>
            """;
}
