package org.debentures.compliance.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.report.site.ReportSite;
import org.debentures.compliance.terms.DealBook;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the reports a person opens without SQL, for any stored range: the report site ({@code index.html}, a page
 * per deal, the treasury pages, the "what changed" digest) and its workbooks. See {@link ReportSite}.
 */
public final class ReportWriter {

    private final JdbcTemplate jdbc;
    private final DealBook book;

    public ReportWriter(JdbcTemplate jdbc, DealBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    /** @return the files written, the index first */
    public List<Path> write(Path directory, LocalDate from, LocalDate to) {
        return new ReportSite(jdbc).write(directory, book, from, to);
    }
}
