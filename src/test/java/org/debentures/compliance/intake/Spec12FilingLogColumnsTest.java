package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §12 (v2): the filings log's optional columns {@code clause}, {@code period_end} and
 * {@code effective_date}. A log without them reads as before. The row rule does not tie the columns to a type (the types
 * that use them, {@code WAIVER}, {@code ISSUANCE}, {@code REDEMPTION_NOTICE}, come with their rules),
 * so the rows below carry them on today's types.
 */
class Spec12FilingLogColumnsTest {

    private static final FilingRowRule RULE = new FilingRowRule(new KnownSubjects(Set.of("RRA-2002", "RRA-2001"),
            Set.of("BRAMWELL-2002", "HALIFAX-2002"), Set.of("RMTR")));

    /** SPEC §13 example: Halifax signs WAIVER-2003-08 on Monday 2003-08-18, period end 2003-12-31. */
    private static final LocalDate MON_2003_08_18 = LocalDate.of(2003, 8, 18);
    private static final LocalDate WED_2003_12_31 = LocalDate.of(2003, 12, 31);
    /** SPEC §14 example: notice delivered Tuesday 2004-02-17 with Mandatory Redemption Date Tuesday 2004-02-24. */
    private static final LocalDate TUE_2004_02_17 = LocalDate.of(2004, 2, 17);
    private static final LocalDate TUE_2004_02_24 = LocalDate.of(2004, 2, 24);

    /** A row of a version-1 log: the nine columns of SPEC §2, none of the v2 ones. */
    private static Map<String, String> v1Row(String date, String type, String subject, String amount, String document,
                                             String note) {
        Map<String, String> row = new HashMap<>();
        row.put("date", date);
        row.put("type", type);
        row.put("subject", subject);
        row.put("amount", amount);
        row.put("shares", "");
        row.put("ratio", "");
        row.put("price", "");
        row.put("document", document);
        row.put("note", note);
        return row;
    }

    /** A row of a version-2 log: the nine columns and the three of SPEC §12. */
    private static Map<String, String> v2Row(String date, String type, String subject, String amount, String document,
                                             String clause, String periodEnd, String effectiveDate) {
        Map<String, String> row = v1Row(date, type, subject, amount, document, "");
        row.put("clause", clause);
        row.put("period_end", periodEnd);
        row.put("effective_date", effectiveDate);
        return row;
    }

    @Test
    void theKnownColumnsAreSpec2sNineAndSpec12sThree() {
        assertEquals(List.of("date", "type", "subject", "amount", "shares", "ratio", "price", "document", "note",
                "clause", "period_end", "effective_date"), FilingRowRule.KNOWN_COLUMNS);
        assertEquals(List.of("date", "type", "subject"), FilingRowRule.REQUIRED_COLUMNS); // the new ones are optional
    }

    @Test
    void theNewColumnsAreReadIntoTheEvent() {
        FilingEvent waiverLike = RULE.check(v2Row("2003-08-18", "PENALTY_PAID", "HALIFAX-2002", "100.00", "WAIVER-2003-08",
                "6(d)(ix)", "2003-12-31", "")).value();
        assertEquals(MON_2003_08_18, waiverLike.date());
        assertEquals("6(d)(ix)", waiverLike.clause());
        assertEquals(WED_2003_12_31, waiverLike.periodEnd());
        assertNull(waiverLike.effectiveDate());

        FilingEvent noticeLike = RULE.check(v2Row("2004-02-17", "PRINCIPAL_REPAID", "BRAMWELL-2002", "2500000.00",
                "RN-1", "", "", "2004-02-24")).value();
        assertEquals(TUE_2004_02_17, noticeLike.date());
        assertNull(noticeLike.clause());
        assertNull(noticeLike.periodEnd());
        assertEquals(TUE_2004_02_24, noticeLike.effectiveDate());
    }

    @Test
    void aLogWithoutTheNewColumnsReadsAsBefore() {
        Map<String, String> v1 = v1Row("2003-07-01", "INTEREST_PAID", "HALIFAX-2002", "62150.31", "", "");
        FilingEvent event = RULE.check(v1).value();
        assertEquals(new FilingEvent(LocalDate.of(2003, 7, 1), EventType.INTEREST_PAID, "HALIFAX-2002",
                new BigDecimal("62150.31"), null, null, null, null, null), event); // the 9-argument v1 event
        assertNull(event.clause());
        assertNull(event.periodEnd());
        assertNull(event.effectiveDate());
        // the same row in a log that has the columns, left empty: the same event
        assertEquals(event, RULE.check(v2Row("2003-07-01", "INTEREST_PAID", "HALIFAX-2002", "62150.31", "", "", "", ""))
                .value());
    }

    @ParameterizedTest(name = "[{index}] clause {0}")
    @ValueSource(strings = {"6(d)(i)", "6(d)(ii)", "6(d)(iii)", "6(d)(iv)", "6(d)(v)", "6(d)(vi)", "6(d)(vii)",
            "6(d)(viii)", "6(d)(ix)", "6(d)(x)", "6(d)(xi)", "4(h)(i)", "4(h)(ii)", "4(h)(iii)", "4(h)(iv)", "4(h)(v)"})
    void acceptsEveryClauseSpec13And15Name(String clause) {
        Checked<FilingEvent> checked = RULE.check(v2Row("2003-08-18", "INTEREST_PAID", "HALIFAX-2002", "1", "",
                " " + clause + " ", "", ""));
        assertEquals(clause, checked.value().clause()); // trimmed like every field
    }

    @ParameterizedTest(name = "[{index}] clause {0}")
    @ValueSource(strings = {"6(d)(xii)", "4(h)(vi)", "6(d)", "6d(ix)", "6(D)(IX)", "6 (d)(ix)", "Debenture 6(d)(ix)",
            "4(a)(A)", "(ix)", "6(d)(iiii)", "6(d)(ix);6(d)(x)"})
    void rejectsAClauseThatIsNotOne(String clause) {
        Checked<FilingEvent> checked = RULE.check(v2Row("2003-08-18", "INTEREST_PAID", "HALIFAX-2002", "1", "",
                clause, "", ""));
        assertNull(checked.value());
        assertTrue(checked.reason().startsWith("clause '"), checked.reason());
        assertTrue(checked.reason().contains("is not a clause the log may name: 6(d)(i) .. 6(d)(xi)"), checked.reason());
    }

    @ParameterizedTest(name = "[{index}] {0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "period_end     | 2003-12-32 | period_end '2003-12-32' is not a real calendar date",
            "period_end     | 2003-02-29 | period_end '2003-02-29' is not a real calendar date",
            "period_end     | 31/12/2003 | period_end '31/12/2003' is not a date in the form yyyy-MM-dd",
            "effective_date | 2004-2-24  | effective_date '2004-2-24' is not a date in the form yyyy-MM-dd",
            "effective_date | 2004-02-30 | effective_date '2004-02-30' is not a real calendar date",
    })
    void rejectsABadDateNamingItsColumn(String column, String value, String reason) {
        Map<String, String> row = v2Row("2003-08-18", "INTEREST_PAID", "HALIFAX-2002", "1", "", "", "", "");
        row.put(column, value);
        Checked<FilingEvent> checked = RULE.check(row);
        assertNull(checked.value());
        assertEquals(reason, checked.reason());
    }

    private static Sourced<FilingEvent> waiverRow(String periodEnd, String file, int fileOrder, long line) {
        Map<String, String> row = v2Row("2003-08-18", "PENALTY_PAID", "HALIFAX-2002", "100.00", "WAIVER-2003-08",
                "6(d)(ix)", periodEnd, "");
        return new Sourced<>(RULE.check(row).value(), new RowRef(file, fileOrder, line));
    }

    @Test
    void rowsDifferingOnlyInPeriodEndAreNotDuplicates() {
        var inA = waiverRow("2003-12-31", "a.csv", 0, 2);
        var laterPeriodInB = waiverRow("2004-03-31", "b.csv", 1, 2);
        var sameInB = waiverRow("2003-12-31", "b.csv", 1, 3);
        var outcomes = FilingLogResolution.resolve(List.of(inA, laterPeriodInB, sameInB), Map.of());
        assertEquals(RowStatus.ACCEPTED, outcomes.get(inA.ref()).status());
        assertEquals(RowStatus.ACCEPTED, outcomes.get(laterPeriodInB.ref()).status()); // another period end: another row
        assertEquals(RowStatus.DUPLICATE, outcomes.get(sameInB.ref()).status());
        assertEquals("same row as a.csv line 2", outcomes.get(sameInB.ref()).note());
    }

    @Test
    void rowsDifferingOnlyInClauseOrEffectiveDateAreNotDuplicates() {
        Map<String, String> base = v2Row("2004-02-17", "PRINCIPAL_REPAID", "BRAMWELL-2002", "1000.00", "RN-1", "6(d)(iii)",
                "", "2004-02-24");
        Map<String, String> otherClause = new HashMap<>(base);
        otherClause.put("clause", "6(d)(v)");
        Map<String, String> otherDate = new HashMap<>(base);
        otherDate.put("effective_date", "2004-02-25");
        var a = new Sourced<>(RULE.check(base).value(), new RowRef("a.csv", 0, 2));
        var b = new Sourced<>(RULE.check(otherClause).value(), new RowRef("b.csv", 1, 2));
        var c = new Sourced<>(RULE.check(otherDate).value(), new RowRef("c.csv", 2, 2));
        var outcomes = FilingLogResolution.resolve(List.of(a, b, c), Map.of("BRAMWELL-2002", new BigDecimal("2500000.00")));
        assertEquals(List.of(RowStatus.ACCEPTED, RowStatus.ACCEPTED, RowStatus.ACCEPTED),
                List.of(outcomes.get(a.ref()).status(), outcomes.get(b.ref()).status(), outcomes.get(c.ref()).status()));
    }

    @Test
    void aV1RowAndTheSameRowWithEmptyV2ColumnsAreDuplicates() {
        var v1 = new Sourced<>(RULE.check(v1Row("2003-07-01", "INTEREST_PAID", "HALIFAX-2002", "62150.31", "", "")).value(),
                new RowRef("filings/2003.csv", 0, 5));
        var v2 = new Sourced<>(RULE.check(v2Row("2003-07-01", "INTEREST_PAID", "HALIFAX-2002", "62150.310", "", "", "", ""))
                .value(), new RowRef("filings/2003-v2.csv", 1, 9));
        var outcomes = FilingLogResolution.resolve(List.of(v1, v2), Map.of());
        assertEquals(RowStatus.ACCEPTED, outcomes.get(v1.ref()).status());
        assertEquals(RowStatus.DUPLICATE, outcomes.get(v2.ref()).status());
    }
}
