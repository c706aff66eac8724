package org.debentures.compliance.batch.internal;

import java.util.List;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads stored exceptions back as findings (e.g. the Events of Default a later condition depends on). */
public final class ExceptionQueries {

    private final JdbcTemplate jdbc;

    public ExceptionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Finding> eventsOfDefault(String instrumentId) {
        return jdbc.query("SELECT code, subject, clause, start_date, end_date, message FROM compliance_exception"
                + " WHERE code = ? AND subject = ? ORDER BY start_date", (rs, i) -> new Finding(
                ExceptionCode.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6)),
                ExceptionCode.EVENT_OF_DEFAULT.name(), instrumentId);
    }
}
