package org.debentures.compliance.terms;

import java.time.MonthDay;
import java.util.List;

/**
 * Debenture §2 interest terms common to a deal.
 *
 * @param dayCountBasis days in the year of the actual/basis day count (365, also in leap years)
 * @param scheduledPaymentDates the month-days of the Scheduled Interest Payment Dates (1 January, 1 July)
 */
public record InterestTerms(int dayCountBasis, List<MonthDay> scheduledPaymentDates) {
    public InterestTerms {
        if (dayCountBasis <= 0) {
            throw new IllegalArgumentException("day-count-basis must be positive: " + dayCountBasis);
        }
        scheduledPaymentDates = List.copyOf(scheduledPaymentDates);
    }
}
