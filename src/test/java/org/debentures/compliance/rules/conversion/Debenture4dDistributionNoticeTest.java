package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.junit.jupiter.api.Test;

/** Debenture 4(d) (SPEC §15): a distribution's notice by the 10th Business Day before it. */
class Debenture4dDistributionNoticeTest {

    private static final DistributionNotices NOTICES = new DistributionNotices(BusinessDays.newYork());

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static FilingEvent notice(String date, String effective) {
        return new FilingEvent(d(date), EventType.DISTRIBUTION_NOTICE, "RMTR", null, null, null, null, null, null, null, null,
                d(effective));
    }

    private static final FilingEvent DISTRIBUTION = new FilingEvent(d("2005-03-15"), EventType.DISTRIBUTION, "RMTR", null,
            null, null, null, null, null);

    @Test
    void theNoticeIsDueByTheTenthBusinessDayBefore() {
        // Tue 2005-03-15: back 14, 11, 10, 9, 8, 7, 4, 3, 2, 1 March: the 10th Business Day before is Tue 2005-03-01
        assertEquals(d("2005-03-01"), BusinessDays.newYork().businessDaysBefore(d("2005-03-15"), 10));
        assertTrue(NOTICES.late("RMTR", List.of(notice("2005-03-01", "2005-03-15"), DISTRIBUTION), 10, d("2005-06-30")).isEmpty());
        List<Finding> late = NOTICES.late("RMTR", List.of(notice("2005-03-02", "2005-03-15"), DISTRIBUTION), 10,
                d("2005-06-30"));
        assertEquals(1, late.size());
        assertEquals(ExceptionCode.DISTRIBUTION_NOTICE_LATE, late.get(0).code());
        assertEquals(d("2005-03-15"), late.get(0).startDate());
        assertEquals(d("2005-03-15"), late.get(0).endDate(), "one row on its date, closed");
    }

    @Test
    void aNoticeOfAnotherEffectiveDateDoesNotCountAndADistributionOnTheRunsLastDayIsStillClosed() {
        List<Finding> late = NOTICES.late("RMTR", List.of(notice("2005-02-01", "2005-03-16"), DISTRIBUTION), 10,
                d("2005-03-15"));
        assertEquals(1, late.size());
        assertEquals(d("2005-03-15"), late.get(0).endDate());
    }
}
