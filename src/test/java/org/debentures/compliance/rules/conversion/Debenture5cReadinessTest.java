package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.rules.registration.ShareCoverage;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.junit.jupiter.api.Test;

/** Debenture §5(b)-(c): each condition's state, since when, and the earliest Mandatory Conversion Date. */
class Debenture5cReadinessTest {

    private static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    private static final Instrument BRAMWELL = DEAL.instruments().get(0);
    private static final MandatoryConversionReadiness READINESS =
            new MandatoryConversionReadiness(BusinessDays.newYork(), ExchangeSessions.nyse());

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static List<VwapTestDay> metOn(String date) {
        VwapTestDay day = new VwapTestDay(d(date), new java.math.BigDecimal("9"), new java.math.BigDecimal("3.769"),
                new java.math.BigDecimal("7.538000"), new java.math.BigDecimal("7.538000"),
                new java.math.BigDecimal("11.307000"), true, 20, d("2003-12-19"), true, false, List.of());
        return List.of(day);
    }

    private static RegistrationTimeline effectiveOn(String date, List<DateInterval> suspensions,
                                                    List<DateInterval> delays) {
        return new RegistrationTimeline("RRA-2002", List.of(d("2002-04-30")), List.of(d(date)), suspensions, delays,
                List.of(), List.of());
    }

    private static ConditionState condition(Readiness readiness, String id) {
        return readiness.conditions().stream().filter(c -> c.condition().equals(id)).findFirst().orElseThrow();
    }

    private static Readiness evaluate(RegistrationTimeline registration, List<DateInterval> halts,
                                      List<Finding> eventsOfDefault, boolean eodActive, String asOf) {
        return evaluate(registration, halts, eventsOfDefault, eodActive, asOf, coverage(2_800_000));
    }

    private static Readiness evaluate(RegistrationTimeline registration, List<DateInterval> halts,
                                      List<Finding> eventsOfDefault, boolean eodActive, String asOf,
                                      java.util.Optional<ShareCoverage> coverage) {
        return READINESS.evaluate(new MandatoryConversionReadiness.Inputs(DEAL, BRAMWELL, metOn("2004-02-03"),
                registration, halts, eventsOfDefault, eodActive, coverage, List.of(), null, null), d(asOf));
    }

    /**
     * SPEC §16: RRA-2002 with {@code registered} shares filed 2002-04-30 and effective 2002-09-05. Required on any day
     * before a conversion: 2 x ceil(2,500,000 / 3.769) + 2 x 218,886 = 2 x 663,306 + 437,772 = 1,764,384.
     */
    static java.util.Optional<ShareCoverage> coverage(long registered) {
        return coverage(registered, List.of());
    }

    static java.util.Optional<ShareCoverage> coverage(long registered, List<FilingEvent> more) {
        var agreement = DEAL.agreement("RRA-2002").orElseThrow();
        List<Instrument> under = DEAL.instruments().stream().filter(i -> i.registrationAgreementId().equals("RRA-2002"))
                .toList();
        return ShareCoverage.of(agreement,
                under.stream().map(i -> new PrincipalOutstanding(i, List.of(), BusinessDays.newYork())).toList(),
                under.stream().map(i -> new ConversionPriceHistory(i.id(), i.issueDate(), i.conversionPrice(), List.of()))
                        .toList(),
                under.stream().map(Instrument::warrantShares).toList(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        new FilingEvent(d("2002-04-30"), EventType.REGISTRATION_FILED, "RRA-2002", null, registered, null,
                                null, null, null),
                        new FilingEvent(d("2002-09-05"), EventType.REGISTRATION_EFFECTIVE, "RRA-2002", null, null, null,
                                null, null, null)), more.stream()).toList());
    }

    @Test
    void spec16ACoverageNoticeIsCuredForConditionIvOnlyByAnAmendmentCovering150Percent() {
        // notice 2004-03-01; an amendment of 2,000,000 on 03-03 is below 150% x 1,764,384 = 2,646,576: not a cure
        FilingEvent amended = new FilingEvent(d("2004-03-03"), EventType.REGISTRATION_AMENDED, "RRA-2002", null, 2_000_000L,
                null, null, null, null);
        RegistrationTimeline notice = new RegistrationTimeline("RRA-2002", List.of(d("2002-04-30")),
                List.of(d("2002-09-05")), List.of(), List.of(), List.of(d("2004-03-01")), List.of(d("2004-03-03")));
        ConditionState withTerms = condition(evaluate(notice, List.of(), List.of(), true, "2004-03-05",
                coverage(2_800_000, List.of(amended))), "5(c)(iv)");
        assertEquals(State.NOT_MET, withTerms.state());
        assertTrue(withTerms.evidence().contains("coverage notice of 2004-03-01 not cured"), withTerms.evidence());
        // without coverage terms any amendment cures (the version-1 reading); coverage itself is then not checked
        assertEquals(State.NOT_CHECKED, condition(evaluate(notice, List.of(), List.of(), true, "2004-03-05",
                java.util.Optional.empty()), "5(c)(iv)").state());
    }

    @Test
    void spec16ConditionIvNeedsTheRegisteredSharesToCoverTheRequiredOnesAndIsNotCheckedWithoutCoverageTerms() {
        RegistrationTimeline effective = effectiveOn("2002-09-05", List.of(), List.of());
        ConditionState covered = condition(evaluate(effective, List.of(), List.of(), true, "2004-03-05",
                coverage(1_764_384)), "5(c)(iv)");
        assertEquals(State.MET, covered.state()); // exactly 100%: covers
        assertTrue(covered.evidence().contains("1,764,384 shares registered against 1,764,384 required on 2004-03-05"),
                covered.evidence());
        ConditionState below = condition(evaluate(effective, List.of(), List.of(), true, "2004-03-05",
                coverage(1_764_383)), "5(c)(iv)");
        assertEquals(State.NOT_MET, below.state());
        ConditionState unchecked = condition(evaluate(effective, List.of(), List.of(), true, "2004-03-05",
                java.util.Optional.empty()), "5(c)(iv)");
        assertEquals(State.NOT_CHECKED, unchecked.state());
        assertTrue(unchecked.evidence().contains("share coverage not checked"), unchecked.evidence());
    }

    @Test
    void everyCheckableConditionMetGivesTheEarliestMandatoryConversionDate() throws IOException {
        Readiness readiness = evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(), List.of(), true,
                "2004-03-05");

        assertTrue(readiness.checkedConditionsMet());
        assertEquals(State.MET, condition(readiness, "5(c)(i)").state());
        assertEquals(d("2003-09-28"), condition(readiness, "5(c)(i)").since()); // 2002-03-28 + 18 months
        assertEquals(d("2004-02-03"), condition(readiness, "5(c)(ii)").since());
        assertEquals(d("2002-09-05"), condition(readiness, "5(c)(iv)").since());
        assertEquals(State.NOT_CHECKED, condition(readiness, "5(c)(iii)").state());
        assertEquals(State.NOT_CHECKED, condition(readiness, "5(c)(vii)").state());
        // notice on the next Business Day after Friday 2004-03-05: Monday 03-08; 20 Trading Days later:
        // 03-09..03-12 (4), 03-15..19 (9), 22..26 (14), 29..04-02 (19), 04-05 (20)
        assertEquals(d("2004-03-08"), readiness.noticeDate());
        assertEquals(d("2004-04-05"), readiness.earliestConversionDate());
    }

    @Test
    void eighteenMonthsNotYetElapsed() {
        Readiness readiness = evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(), List.of(), true,
                "2003-09-27");
        assertEquals(State.NOT_MET, condition(readiness, "5(c)(i)").state());
        assertFalse(readiness.checkedConditionsMet());
    }

    @Test
    void aSuspensionAfterEffectivenessOrAnAllowedDelayBeyondItsLimitsDefeatsConditionIv() {
        Readiness suspended = evaluate(effectiveOn("2002-09-05",
                List.of(new DateInterval(d("2004-02-10"), d("2004-02-13"))), List.of()), List.of(), List.of(), true,
                "2004-03-05");
        ConditionState iv = condition(suspended, "5(c)(iv)");
        assertEquals(State.NOT_MET, iv.state());
        assertNull(iv.since());
        assertTrue(iv.evidence().contains("3 day(s): 2004-02-10 .. 2004-02-12"), iv.evidence());

        // SPEC §11 example 5: the Allowed Delay 2003-10-08..10-17 leaves 10-16 uncovered
        Readiness delayed = evaluate(effectiveOn("2002-09-05", List.of(),
                List.of(new DateInterval(d("2003-10-08"), d("2003-10-17")))), List.of(), List.of(), true, "2004-03-05");
        assertTrue(condition(delayed, "5(c)(iv)").evidence().contains("1 day(s): 2003-10-16"));

        // within the limits it is excepted
        Readiness withinLimits = evaluate(effectiveOn("2002-09-05", List.of(),
                List.of(new DateInterval(d("2003-10-08"), d("2003-10-15")))), List.of(), List.of(), true, "2004-03-05");
        assertEquals(State.MET, condition(withinLimits, "5(c)(iv)").state());
    }

    @Test
    void notEffectiveOrAnUncuredCoverageNotice() {
        RegistrationTimeline notEffective = new RegistrationTimeline("RRA-2002", List.of(d("2002-04-30")), List.of(),
                List.of(), List.of(), List.of(), List.of());
        assertEquals(State.NOT_MET, condition(evaluate(notEffective, List.of(), List.of(), true, "2004-03-05"),
                "5(c)(iv)").state());
        RegistrationTimeline notice = new RegistrationTimeline("RRA-2002", List.of(d("2002-04-30")),
                List.of(d("2002-09-05")), List.of(), List.of(), List.of(d("2004-03-01")), List.of());
        ConditionState iv = condition(evaluate(notice, List.of(), List.of(), true, "2004-03-05"), "5(c)(iv)");
        assertEquals(State.NOT_MET, iv.state());
        assertTrue(iv.evidence().contains("coverage notice of 2004-03-01 not cured"), iv.evidence());
    }

    @Test
    void aHaltOfMoreThanThreeBusinessDays() {
        // halted Thu 2004-06-10, resumed Wed 06-16: 06-10, 06-11, 06-14, 06-15 = 4 Business Days > 3
        Readiness long4 = evaluate(effectiveOn("2002-09-05", List.of(), List.of()),
                List.of(new DateInterval(d("2004-06-10"), d("2004-06-16"))), List.of(), true, "2004-07-01");
        assertEquals(State.NOT_MET, condition(long4, "5(c)(v)").state());
        // halted Mon 06-14, resumed Wed 06-16: 2 Business Days
        Readiness short2 = evaluate(effectiveOn("2002-09-05", List.of(), List.of()),
                List.of(new DateInterval(d("2004-06-14"), d("2004-06-16"))), List.of(), true, "2004-07-01");
        assertEquals(State.MET, condition(short2, "5(c)(v)").state());
        assertTrue(condition(short2, "5(c)(v)").evidence().contains("2004-06-14 .. 2004-06-15: 2 Business Day(s)"));
    }

    @Test
    void eventsOfDefaultKnownSoFar() {
        Finding eod = new Finding(ExceptionCode.EVENT_OF_DEFAULT, "BRAMWELL-2002", "6(d)(v)",
                d("2004-01-01"), null, "interest unpaid");
        ConditionState continuing = condition(evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(),
                List.of(eod), true, "2004-03-05"), "5(c)(vi)");
        assertEquals(State.NOT_MET, continuing.state());
        ConditionState inactive = condition(evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(),
                List.of(), false, "2004-03-05"), "5(c)(vi)");
        assertEquals(State.NOT_CHECKED, inactive.state());
    }

    @Test
    void spec5v2AnObligationOverdueInsideItsGraceDefeatsVi() {
        // the 2003-01-01 due unpaid: INTEREST_UNPAID from 2003-01-03 (the day after the adjusted due date 01-02),
        // Event of Default only from 01-10. On 01-06 it is "an event that with the passage of time ... would
        // constitute an Event of Default": (vi) is NOT_MET and the evidence names it
        Finding unpaid = new Finding(ExceptionCode.INTEREST_UNPAID, "BRAMWELL-2002", "Debenture 2(a)",
                d("2003-01-03"), null, "interest due not paid on time: $63,013.70 interest due 2003-01-01, unpaid");
        ConditionState inGrace = condition(evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(),
                List.of(unpaid), true, "2003-01-06"), "5(c)(vi)");
        assertEquals(State.NOT_MET, inGrace.state());
        assertTrue(inGrace.evidence().startsWith("INTEREST_UNPAID since 2003-01-03 (would become an Event of Default"),
                inGrace.evidence());
        // paid on 01-08: the run ended 01-07, nothing continues on 01-09
        Finding paid = new Finding(ExceptionCode.INTEREST_UNPAID, "BRAMWELL-2002", "Debenture 2(a)",
                d("2003-01-03"), d("2003-01-07"), "paid 2003-01-08");
        assertEquals(State.MET, condition(evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(),
                List.of(paid), true, "2003-01-09"), "5(c)(vi)").state());
    }

    @Test
    void spec5v2MyExampleARunningConversionDefaultDefeatsVi() {
        // Conversion Shares undelivered since the Delivery Date 2005-01-13, as of 01-14 (Event of Default only from 01-22)
        Finding late = new Finding(ExceptionCode.CONVERSION_DEFAULT, "BRAMWELL-2002", "Debenture 3(e)",
                d("2005-01-13"), null, "Conversion Shares not delivered by the Delivery Date");
        ConditionState vi = condition(evaluate(effectiveOn("2002-09-05", List.of(), List.of()), List.of(),
                List.of(late), true, "2005-01-14"), "5(c)(vi)");
        assertEquals(State.NOT_MET, vi.state());
        assertTrue(vi.evidence().startsWith("CONVERSION_DEFAULT since 2005-01-13"), vi.evidence());
    }
}
