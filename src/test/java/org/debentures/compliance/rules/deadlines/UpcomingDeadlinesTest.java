package org.debentures.compliance.rules.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.rules.registration.RegistrationDefaults;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.rules.registration.Rra2dRegistrationDefaultsTest;
import org.junit.jupiter.api.Test;

/** Upcoming deadlines (issue #6): the dated obligations in the days after a run's last day. */
class UpcomingDeadlinesTest {

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static List<Deadline> deadlines(RegistrationTimeline timeline, String asOf, int horizon) {
        RegistrationDefaults.Result defaults = Rra2dRegistrationDefaultsTest.DEFAULTS.compute(
                Rra2dRegistrationDefaultsTest.RRA_2002, Rra2dRegistrationDefaultsTest.CLOSING,
                Rra2dRegistrationDefaultsTest.DEFAULT_SWITCHES, timeline, d(asOf));
        return new UpcomingDeadlines(BusinessDays.newYork()).of(Rra2dRegistrationDefaultsTest.DEAL,
                List.of(new UpcomingDeadlines.AgreementState(Rra2dRegistrationDefaultsTest.RRA_2002, timeline, defaults)),
                List.of(), d(asOf), horizon);
    }

    @Test
    void theFilingDeadlineNotYetMet() {
        // Filing Deadline 2002-04-28 (Sunday) -> 04-29 under FOLLOWING; as of 04-10 with 30 days it is upcoming
        List<Deadline> upcoming = deadlines(Rra2dRegistrationDefaultsTest.timeline(null, null, List.of(), List.of()),
                "2002-04-10", 30);
        assertEquals(List.of("2002-04-29 Filing Deadline RRA 1(c)"),
                upcoming.stream().map(x -> x.dueDate() + " " + x.obligation() + " " + x.clause()).toList());
        // filed on 04-15: nothing left to do
        assertEquals(List.of(), deadlines(Rra2dRegistrationDefaultsTest.timeline("2002-04-15", null, List.of(), List.of()),
                "2002-04-20", 30));
    }

    @Test
    void aRunningAllowedDelayReachesItsFiveBusinessDays() {
        // an Allowed Delay started Wednesday 2003-10-08 and is still running on 10-10: it covers through
        // 10-15 (the 5th Business Day, Columbus Day 10-13 skipped); 10-16 would be beyond the limits
        RegistrationTimeline timeline = Rra2dRegistrationDefaultsTest.timeline("2002-04-15", "2002-07-01", List.of(),
                List.of(DateInterval.open(d("2003-10-08"))));
        List<Deadline> upcoming = deadlines(timeline, "2003-10-10", 30);
        assertEquals(1, upcoming.size());
        assertEquals(d("2003-10-16"), upcoming.get(0).dueDate());
        assertEquals("the Allowed Delay of 2003-10-08 covers through its 5th Business Day 2003-10-15",
                upcoming.get(0).detail());
    }

    @Test
    void nothingBeyondTheHorizon() {
        assertEquals(List.of(), deadlines(Rra2dRegistrationDefaultsTest.timeline(null, null, List.of(), List.of()),
                "2002-03-28", 30)); // the Filing Deadline 04-29 is 32 days away
    }
}
