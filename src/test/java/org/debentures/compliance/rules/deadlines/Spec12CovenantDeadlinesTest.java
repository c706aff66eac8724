package org.debentures.compliance.rules.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.DealTerms;
import org.junit.jupiter.api.Test;

/** SPEC §12 upcoming deadlines on Ramtron's deal file: certificates due, 6(d)(ix) grace ends. */
class Spec12CovenantDeadlinesTest {

    private static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    private static final CovenantDeadlines DEADLINES = new CovenantDeadlines(BusinessDays.newYork());

    private static FilingEvent row(String date, EventType type, String quarter, String amount) {
        return new FilingEvent(LocalDate.parse(date), type, "RMTR", amount == null ? null : new BigDecimal(amount), null,
                null, null, quarter, null);
    }

    private static List<String> of(List<FilingEvent> rows, String asOf) {
        return DEADLINES.of(DEAL, "RMTR", rows, LocalDate.parse(asOf), 30).stream()
                .map(d -> d.dueDate() + " " + d.obligation() + " " + d.clause()).toList();
    }

    @Test
    void aReleasedQuarterNotYetCertifiedIsDueTwoBusinessDaysLaterAndAnEventOfDefaultFiveAfterThat() {
        // released Thu 2003-04-24: due Mon 04-28; 6(d)(v) after Mon 05-05 (Tue 29, Wed 30, Thu 1, Fri 2, Mon 5);
        // and Q1's grace (2003-03-31 + 30 = 04-30, the Event of Default day) ends 04-29 with no figure yet
        List<String> upcoming = of(List.of(row("2003-04-24", EventType.EARNINGS_RELEASED, "2003Q1", null)), "2003-04-25");
        assertEquals(List.of("2003-04-28 EBITDA Certificate due Debenture 6(f)(i)",
                "2003-05-05 last day to deliver before an Event of Default Debenture 6(d)(v)",
                "2003-04-29 EBITDA to be reported before the grace ends Debenture 6(d)(ix)"), upcoming);
    }

    @Test
    void aCertifiedShortfallShowsTheGraceEndAndAMetPeriodNothing() {
        List<FilingEvent> rows = List.of(row("2003-04-24", EventType.EARNINGS_RELEASED, "2003Q1", null),
                row("2003-04-25", EventType.EBITDA_CERTIFICATE, "2003Q1", "-600000"));
        List<Deadline> upcoming = DEADLINES.of(DEAL, "RMTR", rows, LocalDate.parse("2003-04-25"), 30);
        assertEquals(1, upcoming.size());
        assertEquals(LocalDate.parse("2003-04-29"), upcoming.get(0).dueDate());
        assertEquals("EBITDA below target: the grace ends", upcoming.get(0).obligation());
        assertEquals(0, new BigDecimal("100000").compareTo(upcoming.get(0).amount()), "-500,000 - (-600,000)");
        assertTrue(of(List.of(row("2003-04-25", EventType.EBITDA_CERTIFICATE, "2003Q1", "-400000")), "2003-04-25")
                .isEmpty(), "-400,000 meets -500,000");
    }
}
