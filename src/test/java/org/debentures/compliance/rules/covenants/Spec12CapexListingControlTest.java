package org.debentures.compliance.rules.covenants;

import static org.debentures.compliance.rules.covenants.Spec12EbitdaCovenantTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.CapexLimit;
import org.debentures.compliance.terms.CovenantTerms;
import org.junit.jupiter.api.Test;

/** Debenture 6(d)(x) capex, 6(d)(i) listing, 6(d)(ii) Change of Control and Liquidation Event (SPEC §12). */
class Spec12CapexListingControlTest {

    private static final CovenantTerms CAPEX = new CovenantTerms(List.of(), 30, 2, 5, List.of(
            CapexLimit.ofAmount(2002, new BigDecimal("1500000")),
            CapexLimit.ofShareOfRevenue(2003, new BigDecimal("0.03"))));

    private static FilingEvent row(String date, EventType type, String document, String amount) {
        return new FilingEvent(d(date), type, "RMTR", amount == null ? null : new BigDecimal(amount), null, null, null,
                document, null);
    }

    @Test
    void capexAboveThreePercentOfRevenueIsA6dxFromTheLaterAuditedRow() {
        // 3% x 60,000,000 = 1,800,000 < 2,000,000: breached, from 2004-03-20 (revenue 03-15, capex 03-20)
        List<FilingEvent> rows = List.of(row("2004-03-15", EventType.REVENUE_AUDITED, "2003", "60000000"),
                row("2004-03-20", EventType.CAPEX_AUDITED, "2003", "2000000"));
        CapexCovenant.Result result = CapexCovenant.evaluate("RAMTRON-2002", CAPEX, rows, d("2004-06-30"));
        CovenantTest y2003 = result.tests().stream().filter(t -> t.periodEnd().equals(d("2003-12-31"))).findFirst().orElseThrow();
        assertEquals("6(d)(x)", y2003.clause());
        assertEquals(12, y2003.months());
        assertEquals(new BigDecimal("1800000.00"), y2003.target());
        assertEquals(0, new BigDecimal("2000000").compareTo(y2003.actual()));
        assertEquals(Boolean.FALSE, y2003.met());
        assertEquals("FINAL", y2003.state());
        assertEquals(d("2004-03-20"), y2003.breachDate());
        assertEquals(1, result.eventsOfDefault().size());
        assertEquals(d("2004-03-20"), result.eventsOfDefault().get(0).first());
        assertNull(result.eventsOfDefault().get(0).last());
    }

    @Test
    void capexWithinItsAmountIsMetAndAYearWithoutItsRowsIsMissing() {
        List<FilingEvent> rows = List.of(row("2003-03-14", EventType.CAPEX_AUDITED, "2002", "1400000"));
        CapexCovenant.Result result = CapexCovenant.evaluate("RAMTRON-2002", CAPEX, rows, d("2004-06-30"));
        CovenantTest y2002 = result.tests().get(0);
        assertEquals(Boolean.TRUE, y2002.met());
        assertEquals(d("2003-03-14"), y2002.breachDate(), "the later row's date, also for a year within its limit");
        CovenantTest y2003 = result.tests().get(1);
        assertNull(y2003.met());
        assertNull(y2003.target(), "3% of a revenue not yet audited");
        assertEquals("MISSING", y2003.state());
        assertNull(y2003.breachDate());
        assertTrue(result.eventsOfDefault().isEmpty());
    }

    @Test
    void delistedToTheDayBeforeListedAgain() {
        List<DefaultCause> causes = ListingAndControl.causes(List.of(row("2004-05-03", EventType.DELISTED, "NASDAQ", null),
                row("2004-06-01", EventType.LISTED, null, null), row("2005-01-10", EventType.DELISTED, null, null)),
                d("2005-06-30"));
        assertEquals(2, causes.size());
        assertEquals("6(d)(i)", causes.get(0).clause());
        assertEquals(d("2004-05-03"), causes.get(0).first());
        assertEquals(d("2004-05-31"), causes.get(0).last());
        assertEquals(d("2005-01-10"), causes.get(1).first());
        assertNull(causes.get(1).last());
    }

    @Test
    void aChangeOfControlRunsThroughItsConsummationOrToTheDayBeforeItsAbandonment() {
        List<DefaultCause> consummated = ListingAndControl.causes(List.of(
                row("2004-05-03", EventType.MAJOR_ANNOUNCEMENT, "CHANGE_OF_CONTROL", null),
                row("2004-07-15", EventType.TRANSACTION_CONSUMMATED, null, null)), d("2005-06-30"));
        assertEquals(1, consummated.size());
        assertEquals("6(d)(ii)", consummated.get(0).clause());
        assertEquals(d("2004-05-03"), consummated.get(0).first());
        assertEquals(d("2004-07-15"), consummated.get(0).last());

        List<DefaultCause> abandoned = ListingAndControl.causes(List.of(
                row("2004-05-03", EventType.MAJOR_ANNOUNCEMENT, "CHANGE_OF_CONTROL", null),
                row("2004-06-10", EventType.TRANSACTION_ABANDONED, null, null)), d("2005-06-30"));
        assertEquals(d("2004-06-09"), abandoned.get(0).last());

        // a tender offer is a 4(e) Announcement only: no 6(d)(ii)
        assertTrue(ListingAndControl.causes(List.of(row("2004-05-03", EventType.MAJOR_ANNOUNCEMENT, "TENDER_OFFER", null)),
                d("2005-06-30")).isEmpty());
        List<DefaultCause> liquidation = ListingAndControl.causes(List.of(row("2005-02-01", EventType.LIQUIDATION_EVENT,
                null, null)), d("2005-06-30"));
        assertEquals(d("2005-02-01"), liquidation.get(0).first());
        assertNull(liquidation.get(0).last(), "continuing");
    }

    @Test
    void rowsAfterTheRunsLastDayAreNotUsed() {
        assertTrue(ListingAndControl.causes(List.of(row("2004-05-03", EventType.DELISTED, null, null)), d("2004-05-02"))
                .isEmpty());
    }
}
