package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.conversion.ConditionState.State;

/**
 * Debenture 5(b)-(c) as SPEC §16 states it: a {@code MANDATORY_CONVERSION_NOTICE} (its {@code effective_date} the
 * Mandatory Conversion Date) is valid when dated on a Business Day, with at least 20 NYSE sessions after it up to and
 * including the Mandatory Conversion Date ({@code mandatory-conversion.notice-trading-days}), and with every
 * condition the job can check {@code MET} on its date (the instrument's own 5(c), {@link MandatoryConversionReadiness});
 * else {@code MANDATORY_CONVERSION_INVALID} (instrument) on its date, naming what failed. A notice converts nothing.
 */
public final class MandatoryConversionNotices {

    /** One notice and its validity; {@code failures} is empty for a valid one. */
    public record Notice(FilingEvent row, boolean valid, List<String> failures, int sessions) {
        public LocalDate date() {
            return row.date();
        }
    }

    public static final String CLAUSE = "5(b)";

    private final BusinessDays businessDays;
    private final ExchangeSessions sessions;

    public MandatoryConversionNotices(BusinessDays businessDays, ExchangeSessions sessions) {
        this.businessDays = businessDays;
        this.sessions = sessions;
    }

    /**
     * @param notices the instrument's {@code MANDATORY_CONVERSION_NOTICE} rows, in date then read order
     * @param readinessOn the instrument's readiness as of a day (its conditions on that day)
     */
    public List<Notice> evaluate(List<FilingEvent> notices, Function<LocalDate, Readiness> readinessOn, int tradingDays) {
        List<Notice> evaluated = new ArrayList<>();
        for (FilingEvent n : notices) {
            List<String> failures = new ArrayList<>();
            if (!businessDays.isBusinessDay(n.date())) {
                failures.add("dated " + n.date() + ", not a Business Day (5(b))");
            }
            int count = 0;
            for (LocalDate d = sessions.next(n.date()); !d.isAfter(n.effectiveDate()); d = sessions.next(d)) {
                count++;
            }
            if (count < tradingDays) {
                failures.add("only " + count + " Trading Day(s) from " + n.date() + " to the Mandatory Conversion Date "
                        + n.effectiveDate() + ", fewer than " + tradingDays + " (5(b))");
            }
            for (ConditionState c : readinessOn.apply(n.date()).conditions()) {
                if (c.state() == State.NOT_MET) {
                    failures.add(c.condition() + " not met on " + n.date() + ": " + c.evidence());
                }
            }
            evaluated.add(new Notice(n, failures.isEmpty(), List.copyOf(failures), count));
        }
        return evaluated;
    }

    /** One {@code MANDATORY_CONVERSION_INVALID} per invalid notice, on its date. */
    public static List<Finding> invalid(String instrumentId, List<Notice> notices) {
        List<Finding> findings = new ArrayList<>();
        for (Notice n : notices) {
            if (!n.valid()) {
                String ref = n.row().document() == null ? "" : " " + n.row().document();
                findings.add(new Finding(ExceptionCode.MANDATORY_CONVERSION_INVALID, instrumentId, CLAUSE, n.date(), n.date(),
                        "Mandatory Conversion Notice" + ref + " of " + n.date() + " for " + n.row().effectiveDate()
                        + " is not valid: " + String.join("; ", n.failures())));
            }
        }
        return findings;
    }
}
