package org.debentures.compliance.rules.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * The Mandatory Redemption deadlines of one instrument in the days after the run's last day (SPEC §14, Debenture 6(a),
 * 6(c)), for the upcoming deadlines:
 * <ul>
 *   <li>while an Event of Default continues on the run's last day: the last day a notice could be given if it ended
 *       that day (the Business Day after the first Business Day it no longer continues); after one ended, the last day
 *       of its notice window, while that is still to come;</li>
 *   <li>each valid notice's price not paid yet: its pay-by date (the 5th Business Day after R).</li>
 * </ul>
 */
public final class RedemptionDeadlines {

    private final BusinessDays businessDays;

    public RedemptionDeadlines(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    public List<Deadline> of(DealTerms deal, Instrument instrument, List<Finding> eventsOfDefault,
                             MandatoryRedemption.Result redemption, LocalDate asOf, int horizonDays) {
        LocalDate last = asOf.plusDays(horizonDays);
        List<Deadline> deadlines = new ArrayList<>();
        List<ConditionRuns.Run> runs = MandatoryRedemption.runs(eventsOfDefault, asOf);
        if (!runs.isEmpty()) {
            ConditionRuns.Run latest = runs.get(runs.size() - 1);
            MandatoryRedemption window = new MandatoryRedemption(businessDays);
            int noticeDays = deal.eventOfDefault().redemptionNoticeBusinessDays();
            LocalDate windowEnd = window.noticeWindowEnd(latest.last(), noticeDays);
            if (latest.open()) {
                deadlines.add(new Deadline(deal.id(), instrument.id(), window.noticeWindowEnd(asOf, noticeDays),
                        "Mandatory Redemption notice: last day if the"
                        + " Event of Default ended today", "Debenture 6(a)", null, "an Event of Default continues since "
                        + latest.first() + "; a notice may be given while it continues and through the Business Day after"
                        + " the first Business Day it no longer does"));
            } else if (windowEnd.isAfter(asOf) && !windowEnd.isAfter(last)) {
                deadlines.add(new Deadline(deal.id(), instrument.id(), windowEnd, "last day for a Mandatory Redemption notice",
                        "Debenture 6(a)", null, "after the Event of Default of " + latest.first() + " .. " + latest.last()));
            }
        }
        if (redemption != null) {
            for (MandatoryRedemption.Notice n : redemption.notices()) {
                if (n.payBy() != null && n.price() != null && n.paidDate() == null && !"RESCINDED".equals(n.status())
                        && n.payBy().isAfter(asOf) && !n.payBy().isAfter(last)) {
                    deadlines.add(new Deadline(deal.id(), instrument.id(), n.payBy(), "Mandatory Redemption Price due",
                            "Debenture 6(c)", n.price(), "the notice of " + n.noticeDate() + ", Mandatory Redemption Date "
                            + n.redemptionDate() + "; late interest from that date if not paid in full by then"));
                }
            }
        }
        return deadlines;
    }
}
