package org.debentures.compliance.batch.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.conversion.ConditionState;
import org.debentures.compliance.conversion.Readiness;
import org.debentures.compliance.deadlines.Deadline;
import org.debentures.compliance.deadlines.UpcomingDeadlines;
import org.debentures.compliance.terms.DealTerms;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes each deal's upcoming deadlines ({@link UpcomingDeadlines}) as of the run's last day, from
 * the registration and interest state computed earlier in the run and the stored readiness.
 */
public class DeadlinesWriter {

    private final JdbcTemplate jdbc;
    private final LocalDate to;
    private final int horizonDays;

    public DeadlinesWriter(JdbcTemplate jdbc, LocalDate to, int horizonDays) {
        this.jdbc = jdbc;
        this.to = to;
        this.horizonDays = horizonDays;
    }

    /**
     * Writes one deal's upcoming deadlines from the agreement and instrument states computed earlier
     * in the run, and the readiness stored for the run's last day.
     */
    public void write(DealTerms deal, List<UpcomingDeadlines.AgreementState> agreements,
                      List<UpcomingDeadlines.InstrumentState> instrumentsWithoutReadiness) {
        List<UpcomingDeadlines.InstrumentState> instruments = new ArrayList<>();
        for (UpcomingDeadlines.InstrumentState state : instrumentsWithoutReadiness) {
            instruments.add(new UpcomingDeadlines.InstrumentState(state.instrument(), state.ledger(), state.deliveries(),
                    readiness(state.instrument().id())));
        }
        List<Deadline> deadlines = new UpcomingDeadlines(BusinessDays.newYork()).of(deal, agreements, instruments, to,
                horizonDays);
        jdbc.update("DELETE FROM upcoming_deadline WHERE deal_id = ? AND as_of_date = ?", deal.id(), Date.valueOf(to));
        jdbc.batchUpdate("INSERT INTO upcoming_deadline (deal_id, as_of_date, due_date, subject, obligation, clause,"
                + " amount, detail) VALUES (?,?,?,?,?,?,?,?)", deadlines.stream().map(d -> new Object[] {d.dealId(),
                Date.valueOf(to), Date.valueOf(d.dueDate()), d.subject(), d.obligation(), d.clause(), d.amount(),
                d.detail()}).toList(), new int[] {java.sql.Types.VARCHAR, java.sql.Types.DATE, java.sql.Types.DATE,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.DECIMAL,
                java.sql.Types.VARCHAR});
    }

    /** The readiness the mandatory-conversion step stored for the run's last day. */
    private Readiness readiness(String instrumentId) {
        List<ConditionState> conditions = jdbc.query("SELECT condition_id, description, state, met_since, evidence FROM"
                + " conversion_readiness_condition WHERE instrument_id = ? AND as_of_date = ? ORDER BY condition_id",
                (rs, i) -> new ConditionState(rs.getString(1), rs.getString(2), ConditionState.State.valueOf(rs.getString(3)),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)),
                instrumentId, Date.valueOf(to));
        List<Readiness> readiness = jdbc.query("SELECT notice_date, earliest_conversion_date, checked_conditions_met FROM"
                + " conversion_readiness WHERE instrument_id = ? AND as_of_date = ?", (rs, i) -> new Readiness(instrumentId,
                to, conditions, rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getBoolean(3)),
                instrumentId, Date.valueOf(to));
        return readiness.isEmpty() ? null : readiness.get(0);
    }
}
