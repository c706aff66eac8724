package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;

/** SPEC §2 rules across filings-log rows: duplicates across files, intervals, deliveries and conversions. */
class Spec2FilingLogResolutionTest {

    private static final Map<String, BigDecimal> PRINCIPALS = Map.of("HALIFAX-2002", new BigDecimal("2500000.00"));

    private static Sourced<FilingEvent> event(String date, EventType type, String subject, String amount,
                                              String document, String file, int fileOrder, long line) {
        return new Sourced<>(new FilingEvent(LocalDate.parse(date), type, subject,
                amount == null ? null : new BigDecimal(amount), type == EventType.CONVERSION ? 1L : null, null, null,
                document, null), new RowRef(file, fileOrder, line));
    }

    private static RowStatus status(Map<RowRef, Outcome> outcomes, Sourced<FilingEvent> row) {
        return outcomes.get(row.ref()).status();
    }

    @Test
    void identicalRowsInDifferentFilesCountOnceButTwoInOneFileAreTwoEvents() {
        var paidA1 = event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "100.00", null, "a.csv", 0, 2);
        var paidA2 = event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "100.00", null, "a.csv", 0, 3);
        var paidB1 = event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "100.0", null, "b.csv", 1, 2);
        var outcomes = FilingLogResolution.resolve(List.of(paidA1, paidA2, paidB1), PRINCIPALS);
        assertEquals(RowStatus.ACCEPTED, status(outcomes, paidA1));
        assertEquals(RowStatus.ACCEPTED, status(outcomes, paidA2)); // two equal payments on a day
        assertEquals(RowStatus.DUPLICATE, status(outcomes, paidB1)); // b.csv repeats a.csv's row
    }

    @Test
    void anEndWithNoOpenStartAndASecondStartAreRejected() {
        var start = event("2003-10-08", EventType.ALLOWED_DELAY_START, "RRA-2002", null, null, "a.csv", 0, 2);
        var secondStart = event("2003-10-09", EventType.ALLOWED_DELAY_START, "RRA-2002", null, null, "a.csv", 0, 3);
        var end = event("2003-10-17", EventType.ALLOWED_DELAY_END, "RRA-2002", null, null, "a.csv", 0, 4);
        var strayEnd = event("2003-10-20", EventType.ALLOWED_DELAY_END, "RRA-2002", null, null, "a.csv", 0, 5);
        var resumed = event("2004-02-13", EventType.SALES_RESUMED, "RRA-2002", null, null, "a.csv", 0, 6);
        var outcomes = FilingLogResolution.resolve(List.of(start, secondStart, end, strayEnd, resumed), PRINCIPALS);
        assertEquals(RowStatus.ACCEPTED, status(outcomes, start));
        assertEquals(RowStatus.REJECTED, status(outcomes, secondStart));
        assertTrue(outcomes.get(secondStart.ref()).note().contains("still open"));
        assertEquals(RowStatus.ACCEPTED, status(outcomes, end));
        assertEquals(RowStatus.REJECTED, status(outcomes, strayEnd));
        assertEquals("ALLOWED_DELAY_END for RRA-2002 on 2003-10-20 with no open ALLOWED_DELAY_START",
                outcomes.get(strayEnd.ref()).note());
        assertEquals(RowStatus.REJECTED, status(outcomes, resumed));
    }

    @Test
    void intervalsArePairedInDateOrderAcrossFiles() {
        var end = event("2004-06-16", EventType.TRADING_RESUMED, "RMTR", null, null, "a.csv", 0, 2);
        var start = event("2004-06-14", EventType.TRADING_HALTED, "RMTR", null, null, "b.csv", 1, 2);
        var outcomes = FilingLogResolution.resolve(List.of(end, start), PRINCIPALS);
        assertEquals(RowStatus.ACCEPTED, status(outcomes, start));
        assertEquals(RowStatus.ACCEPTED, status(outcomes, end));
    }

    @Test
    void aDeliveryMustNameAnUndeliveredConversion() {
        var conversion = event("2003-11-03", EventType.CONVERSION, "HALIFAX-2002", "500000", "C-1", "a.csv", 0, 2);
        var delivered = event("2003-11-06", EventType.SHARES_DELIVERED, "HALIFAX-2002", null, "C-1", "a.csv", 0, 3);
        var again = event("2003-11-07", EventType.SHARES_DELIVERED, "HALIFAX-2002", null, "C-1", "a.csv", 0, 4);
        var unknown = event("2003-11-07", EventType.SHARES_DELIVERED, "HALIFAX-2002", null, "C-9", "a.csv", 0, 5);
        var otherInstrument = event("2003-11-07", EventType.SHARES_DELIVERED, "BRAMWELL-2002", null, "C-1", "a.csv", 0, 6);
        var outcomes = FilingLogResolution.resolve(List.of(conversion, delivered, again, unknown, otherInstrument),
                PRINCIPALS);
        assertEquals(RowStatus.REJECTED, status(outcomes, otherInstrument)); // an instrument with no conversion at all
        assertEquals(RowStatus.ACCEPTED, status(outcomes, delivered));
        assertEquals(RowStatus.REJECTED, status(outcomes, again));
        assertEquals(RowStatus.REJECTED, status(outcomes, unknown));
    }

    @Test
    void conversionsAndRepaymentsMayNotExceedThePrincipal() {
        var first = event("2003-11-03", EventType.CONVERSION, "HALIFAX-2002", "2000000", "C-1", "a.csv", 0, 2);
        var tooMuch = event("2004-11-03", EventType.PRINCIPAL_REPAID, "HALIFAX-2002", "500000.01", null, "a.csv", 0, 3);
        var rest = event("2004-11-04", EventType.PRINCIPAL_REPAID, "HALIFAX-2002", "500000.00", null, "a.csv", 0, 4);
        var outcomes = FilingLogResolution.resolve(List.of(first, tooMuch, rest), PRINCIPALS);
        assertEquals(RowStatus.ACCEPTED, status(outcomes, first));
        assertEquals(RowStatus.REJECTED, status(outcomes, tooMuch));
        assertTrue(outcomes.get(tooMuch.ref()).note().contains("exceeds the principal outstanding of HALIFAX-2002 ($500,000.00)"),
                outcomes.get(tooMuch.ref()).note());
        assertEquals(RowStatus.ACCEPTED, status(outcomes, rest));
    }
}
