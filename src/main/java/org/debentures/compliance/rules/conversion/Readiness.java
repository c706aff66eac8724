package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether the Company could force conversion of one instrument, as of a date (Debenture §5).
 *
 * @param noticeDate the next Business Day after the as-of date: when a Mandatory Conversion Notice could go out
 * @param earliestConversionDate the earliest Mandatory Conversion Date for that notice (5(b): at least 20 Trading Days later)
 * @param checkedConditionsMet no condition the job can check is NOT_MET (conditions it cannot check are listed as NOT_CHECKED: a person must confirm them)
 */
public record Readiness(String instrumentId, LocalDate asOf, List<ConditionState> conditions, LocalDate noticeDate,
                        LocalDate earliestConversionDate, boolean checkedConditionsMet) {

    public Readiness {
        conditions = List.copyOf(conditions);
    }
}
