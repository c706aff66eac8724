package org.debentures.compliance.report.site;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.store.report.SiteQueries;
import org.debentures.compliance.store.report.SiteQueries.OpenException;

/**
 * "What changed" since the previous completed run, as {@code what-changed.txt} and {@code what-changed.html}, short
 * enough for a scheduler to mail (issue 22): per deal, the exceptions the run opened and closed (code, subject,
 * clause, dates: never a message, so nothing of the filings log), the count of new default days and the payments
 * received. It is built from the treasury pages' figures, so it is safe for either audience.
 */
final class Digest {

    /** The changes listed per deal; the deal page has them all. */
    static final int PER_DEAL = 20;

    private Digest() {
    }

    static List<Path> write(Path directory, List<ReportSite.DealSummary> deals, LocalDate to, SiteQueries.Runs runs)
            throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("Debenture compliance: what changed as of ").append(to).append('\n');
        if (runs.current().isEmpty()) {
            text.append("No run is recorded.\n");
        } else {
            text.append("Run ").append(runs.current().get()).append(runs.previous().isPresent()
                    ? ", compared with completed run " + runs.previous().get() + " (as of " + runs.previousTo().get() + ")"
                    : " (the first completed run: everything is new)").append('\n');
        }
        int opened = 0;
        int closed = 0;
        int days = 0;
        int payments = 0;
        int eods = 0;
        for (ReportSite.DealSummary d : deals) {
            opened += d.opened().size();
            closed += d.closed().size();
            days += d.newDefaultDays();
            payments += d.payments().size();
            eods += d.eventsOfDefault().size();
        }
        text.append(String.format("%d exceptions opened, %d closed, %d new default days, %d payments received;"
                + " %d Events of Default open%n", opened, closed, days, payments, eods));
        StringWriter html = new StringWriter();
        Html page = new Html(html);
        page.head("What changed as of " + to, "data-page=\"digest\"");
        page.h(1, "What changed as of " + to);
        page.p("meta", text.toString().lines().skip(1).reduce((a, b) -> a + " " + b).orElse(""));
        for (ReportSite.DealSummary d : deals) {
            if (d.opened().isEmpty() && d.closed().isEmpty() && d.newDefaultDays() == 0 && d.payments().isEmpty()) {
                continue;
            }
            String id = d.deal().id();
            text.append('\n').append(id).append(" (").append(d.deal().issuer()).append(")\n");
            page.h(2, id + " (" + d.deal().issuer() + ")");
            page.raw("<p><a href=\"deals/" + ReportSite.dealFile(id) + "\">legal page</a> · <a href=\"treasury/deals/"
                    + ReportSite.dealFile(id) + "\">treasury page</a></p>\n");
            List<List<Object>> rows = new ArrayList<>();
            List<Object[]> changes = new ArrayList<>();
            d.opened().forEach(e -> changes.add(new Object[] {"opened", e}));
            d.closed().forEach(e -> changes.add(new Object[] {"closed", e}));
            for (Object[] change : changes.subList(0, Math.min(changes.size(), PER_DEAL))) {
                OpenException e = (OpenException) change[1];
                text.append("  ").append(change[0]).append(' ').append(line(e)).append('\n');
                rows.add(List.of(change[0], e.severity(), e.code(), e.subject(), nz(e.clause()), e.start(),
                        e.end() == null ? "" : e.end()));
            }
            if (changes.size() > PER_DEAL) {
                text.append("  ... and ").append(changes.size() - PER_DEAL).append(" more: see the deal page\n");
            }
            if (!rows.isEmpty()) {
                page.tableHead(List.of("Change", "Severity", "Code", "Subject", "Clause", "Start", "End"));
                rows.forEach(r -> page.row("", r));
                page.tableEnd();
            }
            if (d.newDefaultDays() > 0) {
                text.append("  ").append(d.newDefaultDays()).append(" new default days\n");
                page.p("meta", d.newDefaultDays() + " new default days");
            }
            for (Object[] p : d.payments()) {
                text.append("  payment ").append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append(' ')
                        .append(p[3] == null ? "" : Html.money((BigDecimal) p[3])).append('\n');
            }
            if (!d.payments().isEmpty()) {
                page.tableHead(List.of("Payment date", "Instrument", "Type", "Amount (USD)"));
                d.payments().forEach(p -> page.row("", List.of(p[0], p[1], p[2], p[3] == null ? "" : p[3])));
                page.tableEnd();
            }
        }
        page.end("");
        Path txt = directory.resolve("what-changed.txt");
        Path htmlFile = directory.resolve("what-changed.html");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(htmlFile, StandardCharsets.UTF_8)) {
            out.write(html.toString());
        }
        return List.of(txt, htmlFile);
    }

    private static String line(OpenException e) {
        return e.severity() + " " + e.code() + " " + e.subject() + (e.clause() == null ? "" : " " + e.clause()) + " from "
                + e.start() + (e.end() == null ? "" : " to " + e.end());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
