package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * Debenture 4(d) (SPEC §15): a {@code DISTRIBUTION} with no {@code DISTRIBUTION_NOTICE} of the same
 * {@code effective_date} dated on or before the {@code distribution-notice-business-days}-th Business Day
 * before it (10) gives {@code DISTRIBUTION_NOTICE_LATE} (symbol) on the distribution's date only: one row
 * per distribution, closed on its day.
 */
public final class DistributionNotices {

    private final BusinessDays businessDays;

    public DistributionNotices(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    /**
     * @param symbolEvents the symbol's rows dated on or before {@code asOf}, in date then read order
     * @param noticeBusinessDays the deal's {@code distribution-notice-business-days} (the largest of the deals on it)
     */
    public List<Finding> late(String symbol, List<FilingEvent> symbolEvents, int noticeBusinessDays, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (FilingEvent distribution : symbolEvents) {
            if (distribution.type() != EventType.DISTRIBUTION || distribution.date().isAfter(asOf)) {
                continue;
            }
            LocalDate deadline = noticeBusinessDays == 0 ? distribution.date()
                    : businessDays.businessDaysBefore(distribution.date(), noticeBusinessDays);
            boolean noticed = symbolEvents.stream().anyMatch(n -> n.type() == EventType.DISTRIBUTION_NOTICE
                    && distribution.date().equals(n.effectiveDate()) && !n.date().isAfter(deadline));
            if (!noticed) {
                findings.add(new Finding(ExceptionCode.DISTRIBUTION_NOTICE_LATE, symbol, "4(d)", distribution.date(),
                        distribution.date(), "distribution effective " + distribution.date() + " without a notice by "
                        + deadline + ", the " + noticeBusinessDays + "th Business Day before it (Debenture 4(d))"));
            }
        }
        return findings;
    }
}
