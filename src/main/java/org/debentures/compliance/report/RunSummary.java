package org.debentures.compliance.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.store.report.RunSummaryQueries;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-screen summary a person reads at the end of a run (SPEC §9): rows read, rejected and
 * written, and the exceptions of the range by code, open and closed.
 */
public final class RunSummary {

    private final RunSummaryQueries queries;
    /** The deal file's keys per key column of the output tables (empty: count every row of the range). */
    private final Map<String, List<String>> keys;

    public RunSummary(JdbcTemplate jdbc) {
        this(jdbc, Map.of());
    }

    /**
     * A summary that counts the rows written of the deals in {@code book} (their symbols, instruments,
     * agreements and deals), found by key and date instead of by reading each table whole.
     */
    public RunSummary(JdbcTemplate jdbc, DealBook book) {
        this(jdbc, Map.of("symbol", List.copyOf(book.symbols()), "instrument_id", List.copyOf(book.instrumentIds()),
                "agreement_id", List.copyOf(book.agreementIds()),
                "deal_id", book.deals().stream().map(DealTerms::id).sorted().toList()));
    }

    private RunSummary(JdbcTemplate jdbc, Map<String, List<String>> keys) {
        this.queries = new RunSummaryQueries(jdbc);
        this.keys = keys;
    }

    public List<RunSummaryQueries.FeedCounts> feeds(long runId) {
        return queries.feeds(runId);
    }

    /**
     * Rows of each §8 output table in the range (of the deal file's deals, if given), each table on
     * its own connection.
     */
    public Map<String, Long> written(LocalDate from, LocalDate to) {
        return queries.written(from, to, keys);
    }

    public List<RunSummaryQueries.ExceptionCounts> exceptions(long runId, LocalDate from, LocalDate to) {
        return queries.exceptions(runId, from, to);
    }

    /** The first rejects, as "file line N: reason". */
    public List<String> firstRejects(int limit) {
        return queries.firstRejects(limit);
    }

    /**
     * The figures of a run's summary, read once: the summary text and the run's metrics (issue 23) both come from
     * this one object, so they cannot disagree.
     */
    public record Figures(List<RunSummaryQueries.FeedCounts> feeds, Map<String, Long> written,
                          List<RunSummaryQueries.ExceptionCounts> exceptions) {
    }

    public Figures figures(long runId, LocalDate from, LocalDate to) {
        return new Figures(feeds(runId), written(from, to), exceptions(runId, from, to));
    }

    /** The summary as text. */
    public String render(long runId, String header, LocalDate from, LocalDate to) {
        return render(figures(runId, from, to), header, from, to);
    }

    /** The summary of {@code figures} as text. */
    public String render(Figures figures, String header, LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder();
        out.append(header).append('\n');
        out.append(String.format("%-12s %6s %8s %9s %10s %9s%n", "input", "files", "read", "accepted", "duplicate",
                "rejected"));
        long rejected = 0;
        for (RunSummaryQueries.FeedCounts f : figures.feeds()) {
            out.append(String.format("%-12s %6d %8d %9d %10d %9d%n", f.feed(), f.files(), f.read(), f.accepted(),
                    f.duplicate(), f.rejected()));
            rejected += f.rejected();
        }
        out.append("written for ").append(from).append(" .. ").append(to).append(':');
        figures.written().forEach((table, n) -> out.append(' ').append(table).append('=').append(n));
        out.append('\n');
        List<RunSummaryQueries.ExceptionCounts> exceptions = figures.exceptions();
        out.append(exceptions.isEmpty() ? "exceptions in range: none\n"
                : "exceptions in range (runs of days)       open  closed   new this run  closed this run\n");
        for (RunSummaryQueries.ExceptionCounts e : exceptions) {
            out.append(String.format("  %-26s %-8s %6d  %6d   %12d  %15d%n", e.code(), e.severity(), e.open(), e.closed(),
                    e.openedByRun(), e.closedByRun()));
        }
        if (rejected > 0) {
            out.append("rejected rows: ").append(rejected).append(" (table input_reject); first:\n");
            firstRejects(5).forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }
}
