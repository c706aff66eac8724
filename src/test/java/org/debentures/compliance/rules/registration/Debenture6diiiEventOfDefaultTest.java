package org.debentures.compliance.rules.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.junit.jupiter.api.Test;

/**
 * Debenture 6(d)(iii) (SPEC §6): the Registration Statement not effective by the 180th day after
 * the Issue Date (2002-03-28 + 180 = Tuesday 2002-09-24), or unavailable after effectiveness
 * outside an Allowed Delay.
 */
class Debenture6diiiEventOfDefaultTest {

    private static final BusinessDays NY = BusinessDays.newYork();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static List<Finding> eventsOfDefault(RegistrationTimeline timeline, PrincipalOutstanding principal,
                                                 String asOf) {
        RegistrationDefaults.Result result = Rra2dRegistrationDefaultsTest.DEFAULTS.compute(
                Rra2dRegistrationDefaultsTest.RRA_2002, Rra2dRegistrationDefaultsTest.CLOSING,
                Rra2dRegistrationDefaultsTest.DEFAULT_SWITCHES, timeline, d(asOf));
        return RegistrationFindings.eventsOfDefault(Rra2dRegistrationDefaultsTest.DEAL, principal, result,
                timeline.firstEffective().filter(e -> !e.isAfter(d(asOf))), NY, d(asOf));
    }

    @Test
    void notEffectiveByThe180thDay() {
        List<Finding> findings = eventsOfDefault(Rra2dRegistrationDefaultsTest.timeline("2002-04-15", "2002-10-01",
                List.of(), List.of()), Rra2dRegistrationDefaultsTest.bramwell(), "2007-03-28");
        assertEquals(1, findings.size());
        Finding eod = findings.get(0);
        assertEquals(ExceptionCode.EVENT_OF_DEFAULT, eod.code());
        assertEquals("6(d)(iii)", eod.clause()); // SPEC §8, §10 v2: the clause as the Debenture numbers it
        assertEquals(d("2002-09-25"), eod.startDate()); // the day after the 180th day
        assertEquals(d("2002-09-30"), eod.endDate());   // effective 10-01: the default ends
    }

    @Test
    void stillNotEffectiveIsOpenAndEffectiveInTimeIsNone() {
        List<Finding> open = eventsOfDefault(Rra2dRegistrationDefaultsTest.timeline("2002-04-15", null, List.of(),
                List.of()), Rra2dRegistrationDefaultsTest.bramwell(), "2002-10-10");
        assertEquals(d("2002-09-25"), open.get(0).startDate());
        assertNull(open.get(0).endDate());
        List<Finding> none = eventsOfDefault(Rra2dRegistrationDefaultsTest.timeline("2002-04-15", "2002-09-24",
                List.of(), List.of()), Rra2dRegistrationDefaultsTest.bramwell(), "2007-03-28");
        assertEquals(List.of(), none);
    }

    @Test
    void unavailableAfterEffectivenessOutsideAnAllowedDelayWhilePrincipalIsOutstanding() {
        RegistrationTimeline timeline = Rra2dRegistrationDefaultsTest.timeline("2002-04-15", "2002-09-05",
                List.of(new DateInterval(d("2004-02-10"), d("2004-02-13")), new DateInterval(d("2005-05-02"), d("2005-05-04"))),
                List.of(new DateInterval(d("2003-10-08"), d("2003-10-17"))));
        // repaid in full on 2005-01-31: the 2005 suspension is no Event of Default of this Debenture
        PrincipalOutstanding repaid = Rra2dRegistrationDefaultsTest.bramwell(new FilingEvent(d("2005-01-31"),
                EventType.PRINCIPAL_REPAID, "BRAMWELL-2002", new BigDecimal("2500000.00"), null, null, null, null, null));
        List<Finding> findings = eventsOfDefault(timeline, repaid, "2007-03-28");
        assertEquals(List.of("2003-10-16 2003-10-16", "2004-02-10 2004-02-12"),
                findings.stream().map(f -> f.startDate() + " " + f.endDate()).toList());
        assertEquals(Optional.of(d("2005-01-31")), repaid.paidInFullOn());
    }
}
