package org.debentures.compliance.rules.covenants;

import static org.debentures.compliance.rules.covenants.Spec12EbitdaCovenantTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;

/** SPEC §12 invariants over seeded random EBITDA logs on Ramtron's targets. */
class Spec12CovenantPropertyTest {

    private static final long[] SEEDS = {1, 7, 42, 2002, 31337};
    private static final LocalDate AS_OF = d("2005-12-31");

    /** Random quarter figures 2002Q1 .. 2005Q4, certified 40 days after each quarter's end. */
    private static List<FilingEvent> certificates(Random random) {
        List<FilingEvent> rows = new ArrayList<>();
        for (LocalDate q = d("2002-03-31"); !q.isAfter(d("2005-12-31")); q = q.plusMonths(3).withDayOfMonth(1)
                .plusMonths(1).minusDays(1)) {
            long amount = (random.nextInt(4_000) - 1_500) * 1_000L;
            rows.add(Spec12EbitdaCovenantTest.row(q.plusDays(40).toString(), EventType.EBITDA_CERTIFICATE,
                    Quarters.name(q), Long.toString(amount)));
        }
        return rows;
    }

    private static EbitdaCovenant.Result evaluate(List<FilingEvent> rows) {
        return new EbitdaCovenant(BusinessDays.newYork()).evaluate("RAMTRON-2002", Spec12EbitdaCovenantTest.ramtron(),
                rows, 5, AS_OF);
    }

    @Test
    void aPeriodWhoseActualIsAtLeastItsTargetNeverBreaches() {
        for (long seed : SEEDS) {
            EbitdaCovenant.Result result = evaluate(certificates(new Random(seed)));
            int breached = 0;
            for (CovenantTest test : result.tests()) {
                if (test.actual() == null) { // a quarter certified after the run's last day: not known, not a breach
                    assertEquals(null, test.met());
                    continue;
                }
                boolean atLeast = test.actual().compareTo(test.target()) >= 0;
                assertEquals(atLeast, test.met(), "seed " + seed + " " + test);
                boolean cause = result.eventsOfDefault().stream().anyMatch(c -> c.message().contains(
                        "EBITDA of the " + test.months() + " months to " + test.periodEnd() + " "));
                boolean due = !test.breachDate().isAfter(AS_OF);
                assertEquals(!atLeast && due, cause, "seed " + seed + " " + test);
                breached += !atLeast && due ? 1 : 0;
            }
            assertEquals(breached, result.eventsOfDefault().size(), "one cause per breached period, seed " + seed);
        }
    }

    @Test
    void aLaterEbitdaFinalReplacesTheCertificatesFigureEverywhere() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            List<FilingEvent> certified = certificates(random);
            // each quarter's final figure differs from its certificate; it comes 20 days after the certificate
            List<FilingEvent> withFinals = new ArrayList<>(certified);
            List<FilingEvent> finalAsCertificates = new ArrayList<>();
            for (FilingEvent c : certified) {
                BigDecimal finalFigure = c.amount().add(BigDecimal.valueOf((random.nextInt(600) - 300) * 1_000L));
                withFinals.add(new FilingEvent(c.date().plusDays(20), EventType.EBITDA_FINAL, "RMTR", finalFigure, null,
                        null, null, c.document(), null));
                finalAsCertificates.add(new FilingEvent(c.date(), EventType.EBITDA_CERTIFICATE, "RMTR", finalFigure, null,
                        null, null, c.document(), null));
            }
            withFinals.sort(java.util.Comparator.comparing(FilingEvent::date));
            EbitdaCovenant.Result finals = evaluate(withFinals);
            EbitdaCovenant.Result asIfCertified = evaluate(finalAsCertificates);
            assertEquals(asIfCertified.tests().stream().map(t -> t.periodEnd() + " " + t.months() + " " + t.actual() + " "
                    + t.met()).toList(), finals.tests().stream().map(t -> t.periodEnd() + " " + t.months() + " "
                    + t.actual() + " " + t.met()).toList(), "seed " + seed);
            assertEquals(asIfCertified.eventsOfDefault().stream().map(DefaultCause::first).toList(),
                    finals.eventsOfDefault().stream().map(DefaultCause::first).toList(), "seed " + seed);
            assertTrue(finals.tests().stream().filter(t -> t.actual() != null).allMatch(t -> t.state().equals("FINAL")));
        }
    }

    @Test
    void withoutAnyFigureNoPeriodBreachesAndEveryPeriodIsNotReported() {
        EbitdaCovenant.Result result = evaluate(List.of());
        assertTrue(result.eventsOfDefault().isEmpty());
        assertFalse(result.tests().isEmpty());
        // every period whose breach date has come is not reported; the one ending 2005-12-31 (breach 2006-01-30) not yet
        assertEquals(result.tests().stream().filter(t -> !t.breachDate().isAfter(AS_OF)).count(), result.notReported().size());
        assertEquals(result.tests().size() - 1, result.notReported().size());
    }
}
