package org.debentures.compliance.rules.waivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.EventsOfDefault;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionForm;
import org.junit.jupiter.api.Test;

/** Debenture 8(c) (SPEC §13): consent by share of the group's unpaid principal, coverage per cause. */
class Spec13WaiverTest {

    private static final BusinessDays NY = BusinessDays.newYork();
    private static final BigDecimal SHARE = new BigDecimal("0.66");
    private static final LocalDate AS_OF = LocalDate.parse("2004-06-30");

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static Instrument debenture(String id, String principal) {
        return new Instrument(id, id + " Holder", new BigDecimal(principal), d("2002-03-28"), d("2007-03-28"),
                new BigDecimal("3.769"), new BigDecimal("0.05"), new BigDecimal("0.24"), new BigDecimal("0.0999"),
                "RRA-2002", "JOINT-2002", List.of(), null, null, null, List.of("RRA-2002"),
                MandatoryConversionForm.JOINT_INVESTOR, List.of());
    }

    private static Map<String, PrincipalOutstanding> joint(List<FilingEvent> conversions) {
        Map<String, PrincipalOutstanding> principals = new LinkedHashMap<>();
        for (String id : List.of("HALIFAX-2002", "BRAMWELL-2002")) {
            principals.put(id, new PrincipalOutstanding(debenture(id, "2500000"),
                    conversions.stream().filter(c -> c.subject().equals(id)).toList(), NY));
        }
        return principals;
    }

    private static FilingEvent waiver(String date, String instrument, String document, String clause, String periodEnd) {
        return new FilingEvent(d(date), EventType.WAIVER, instrument, null, null, null, null, document, null, clause,
                periodEnd == null ? null : d(periodEnd), null);
    }

    /** SPEC §13's example: Halifax signs 2003-08-18 (50% < 66%), Bramwell 2003-08-20: effective 2003-08-20. */
    private static List<FilingEvent> example() {
        return List.of(waiver("2003-08-18", "HALIFAX-2002", "WAIVER-2003-08", "6(d)(ix)", "2003-12-31"),
                waiver("2003-08-20", "BRAMWELL-2002", "WAIVER-2003-08", "6(d)(ix)", "2003-12-31"));
    }

    private static EventsOfDefault.Cause ix(String first, String periodEnd) {
        return new EventsOfDefault.Cause("6(d)(ix)", d(first), null, "6(d)(ix) of the period to " + periodEnd,
                d(periodEnd), 0, 0, null, null);
    }

    @Test
    void halifaxAloneHoldsHalfTheGroupsPrincipalThePendingWaiverIsEffectiveWhenBramwellSigns() {
        List<Waiver> waivers = Waivers.of("JOINT-2002", example(), joint(List.of()), SHARE, AS_OF);
        assertEquals(1, waivers.size());
        Waiver w = waivers.get(0);
        assertEquals(d("2003-08-20"), w.effective());
        assertEquals("6(d)(ix)", w.clause());
        List<Finding> pending = Waivers.pending(w, w.signatures().get(0), joint(List.of()), SHARE, AS_OF);
        assertEquals(1, pending.size());
        // 2,500,000 of 5,000,000 = 50%, below 66%: pending 2003-08-18 .. 2003-08-19
        assertEquals(d("2003-08-18"), pending.get(0).startDate());
        assertEquals(d("2003-08-19"), pending.get(0).endDate());
        assertTrue(pending.get(0).message().contains("50% of the JOINT-2002 group's unpaid principal ($2,500,000.00 of"
                + " $5,000,000.00), below the 66% needed"), pending.get(0).message());
        assertTrue(Waivers.pending(w, w.signatures().get(1), joint(List.of()), SHARE, AS_OF).isEmpty(),
                "Bramwell's signature made it effective the same day");
    }

    @Test
    void theRunOfTheSixMonthsToJuneEnds2003_08_19AndLaterCoveredPeriodsGiveNothingAndMarch2004Stays() {
        Waiver w = Waivers.of("JOINT-2002", example(), joint(List.of()), SHARE, AS_OF).get(0);
        EventsOfDefault.Cause june = Waivers.apply(List.of(w), ix("2003-07-30", "2003-06-30"));
        assertEquals(d("2003-08-19"), june.last());
        assertTrue(june.message().contains("waived from 2003-08-20 by WAIVER-2003-08"), june.message());
        assertNull(june.original());
        assertNull(Waivers.apply(List.of(w), ix("2003-10-30", "2003-09-30")), "the period ending 2003-09-30");
        assertNull(Waivers.apply(List.of(w), ix("2004-01-30", "2003-12-31")), "the period ending 2003-12-31");
        EventsOfDefault.Cause march = ix("2004-04-30", "2004-03-31");
        assertEquals(march, Waivers.apply(List.of(w), march), "a breach of the six months to 2004-03-31 stays");
        EventsOfDefault.Cause other = new EventsOfDefault.Cause("6(d)(iii)", d("2003-08-01"), null, "iii", null, 0, 0, null,
                null);
        assertEquals(other, Waivers.apply(List.of(w), other), "another clause is not covered");
    }

    @Test
    void withoutPeriodEndAWaiverCoversTheCausesBegunByItsEffectiveDateAndAnEmptyClauseCoversEveryClause() {
        List<FilingEvent> rows = List.of(waiver("2004-02-11", "HALIFAX-2002", "W-ALL", null, null),
                waiver("2004-02-11", "BRAMWELL-2002", "W-ALL", null, null));
        Waiver w = Waivers.of("JOINT-2002", rows, joint(List.of()), SHARE, AS_OF).get(0);
        assertEquals(d("2004-02-11"), w.effective());
        EventsOfDefault.Cause iii = new EventsOfDefault.Cause("6(d)(iii)", d("2004-02-10"), d("2004-02-12"), "iii", null,
                0, 0, null, null);
        assertEquals(d("2004-02-10"), Waivers.apply(List.of(w), iii).last());
        EventsOfDefault.Cause later = new EventsOfDefault.Cause("6(d)(v)", d("2004-03-01"), null, "v", null, 0, 0, null,
                null);
        assertEquals(later, Waivers.apply(List.of(w), later), "begun after the effective date: not covered");
    }

    @Test
    void aConversionThatShrinksTheNonSignersPrincipalCanMakeAWaiverEffectiveLater() {
        // Halifax signs alone on 2003-08-18 (50%); Bramwell converts 2,000,000 on 2003-09-02:
        // then Halifax holds 2,500,000 of 3,000,000 = 83% >= 66%: effective 2003-09-02
        List<FilingEvent> conversion = List.of(new FilingEvent(d("2003-09-02"), EventType.CONVERSION, "BRAMWELL-2002",
                new BigDecimal("2000000"), 530645L, null, null, "C-1", null));
        Waiver w = Waivers.of("JOINT-2002", List.of(example().get(0)), joint(conversion), SHARE, AS_OF).get(0);
        assertEquals(d("2003-09-02"), w.effective());
    }

    @Test
    void aWaiverNeverAddsADayOfEventOfDefault() {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            LocalDate first = d("2003-01-01").plusDays(random.nextInt(500));
            LocalDate last = random.nextBoolean() ? null : first.plusDays(random.nextInt(200));
            String clause = List.of("6(d)(iii)", "6(d)(v)", "6(d)(ix)", "6(d)(vii)").get(random.nextInt(4));
            EventsOfDefault.Cause cause = new EventsOfDefault.Cause(clause, first, last, "c",
                    clause.equals("6(d)(ix)") ? first.minusDays(30) : null, 0, 0, null, null);
            LocalDate signed = d("2003-01-01").plusDays(random.nextInt(500)); // on or before AS_OF
            String waived = random.nextBoolean() ? null : clause;
            String periodEnd = random.nextBoolean() ? null : signed.minusDays(random.nextInt(300)).toString();
            List<FilingEvent> rows = List.of(waiver(signed.toString(), "HALIFAX-2002", "W", waived, periodEnd),
                    waiver(signed.toString(), "BRAMWELL-2002", "W", waived, periodEnd));
            List<Waiver> waivers = Waivers.of("JOINT-2002", rows, joint(List.of()), SHARE, AS_OF);
            EventsOfDefault.Cause after = Waivers.apply(waivers, cause);
            for (LocalDate day = first; !day.isAfter(last == null ? AS_OF : last); day = day.plusDays(1)) {
                if (after != null && after.on(day)) {
                    assertTrue(cause.on(day), "a day the cause did not have: " + day);
                    assertFalse(waivers.get(0).isEffective() && Waivers.covers(waivers.get(0), cause)
                            && !day.isBefore(waivers.get(0).effective()), "a covered day kept: " + day);
                }
            }
        }
    }

    @Test
    void aCauseOfAStepKeepsItsOwnRunUntilAWaiverTrimsIt() {
        EventsOfDefault eods = new EventsOfDefault();
        Finding run = new Finding(org.debentures.compliance.findings.ExceptionCode.EVENT_OF_DEFAULT, "HALIFAX-2002",
                "6(d)(iii)", d("2004-02-10"), d("2004-02-12"), "the step's own message");
        eods.add("HALIFAX-2002", List.of(run), java.util.Set.of());
        assertEquals(List.of(run), eods.runs("HALIFAX-2002", AS_OF));
        Waiver w = Waivers.of("JOINT-2002", List.of(waiver("2004-02-11", "HALIFAX-2002", "W", "6(d)(iii)", null),
                waiver("2004-02-11", "BRAMWELL-2002", "W", "6(d)(iii)", null)), joint(List.of()), SHARE, AS_OF).get(0);
        eods.revise("HALIFAX-2002", c -> Waivers.apply(List.of(w), c));
        List<Finding> rows = new ArrayList<>(eods.runs("HALIFAX-2002", AS_OF));
        assertEquals(1, rows.size());
        assertEquals(d("2004-02-10"), rows.get(0).endDate());
        assertTrue(rows.get(0).message().contains("waived from 2004-02-11 by W"), rows.get(0).message());
    }

    @Test
    void aWaiverCoversEachObligationOfAnInterestRunApart() {
        // one 6(d)(v) run 2004-01-10 .. continuing joins two causes: the 2004-01-01 due (from 01-10) and a month of
        // default interest (from 02-10); a waiver of 6(d)(v) runs begun by 2004-01-31, effective 2004-03-01, covers the
        // first only: its days end 2004-02-29, the second's stay: the run is unbroken, its message names both
        EventsOfDefault eods = new EventsOfDefault();
        Finding run = new Finding(org.debentures.compliance.findings.ExceptionCode.EVENT_OF_DEFAULT, "HALIFAX-2002",
                "6(d)(v)", d("2004-01-10"), null, "the interest step's run");
        List<EventsOfDefault.Cause> causes = List.of(
                new EventsOfDefault.Cause("6(d)(v)", d("2004-01-10"), d("2004-06-30"), "due 2004-01-01", null, 0, 0, null, null),
                new EventsOfDefault.Cause("6(d)(v)", d("2004-02-10"), d("2004-06-30"), "default interest of 2003-12", null, 0, 0,
                        null, null));
        eods.add("HALIFAX-2002", List.of(run), java.util.Set.of(), causes);
        assertEquals(List.of(run), eods.runs("HALIFAX-2002", AS_OF), "unchanged: the step's own run");
        assertEquals(List.of(run), eods.of("HALIFAX-2002"));
        Waiver w = Waivers.of("JOINT-2002", List.of(waiver("2004-03-01", "HALIFAX-2002", "W", "6(d)(v)", "2004-01-31"),
                waiver("2004-03-01", "BRAMWELL-2002", "W", "6(d)(v)", "2004-01-31")), joint(List.of()), SHARE, AS_OF).get(0);
        eods.revise("HALIFAX-2002", c -> Waivers.apply(List.of(w), c));
        List<Finding> rows = eods.runs("HALIFAX-2002", AS_OF);
        assertEquals(1, rows.size());
        assertEquals(d("2004-01-10"), rows.get(0).startDate());
        assertNull(rows.get(0).endDate(), "the default interest keeps it open");
        assertTrue(rows.get(0).message().contains("due 2004-01-01 (waived from 2004-03-01 by W"), rows.get(0).message());
        assertEquals(2, eods.of("HALIFAX-2002").size(), "one per cause once a waiver changed one");
        // had the waiver covered both (begun by 2004-02-29), the run would end 2004-02-29
        EventsOfDefault both = new EventsOfDefault();
        both.add("HALIFAX-2002", List.of(run), java.util.Set.of(), causes);
        Waiver all = Waivers.of("JOINT-2002", List.of(waiver("2004-03-01", "HALIFAX-2002", "W2", "6(d)(v)", "2004-02-29"),
                waiver("2004-03-01", "BRAMWELL-2002", "W2", "6(d)(v)", "2004-02-29")), joint(List.of()), SHARE, AS_OF).get(0);
        both.revise("HALIFAX-2002", c -> Waivers.apply(List.of(all), c));
        assertEquals(d("2004-02-29"), both.runs("HALIFAX-2002", AS_OF).get(0).endDate());
    }
}
