package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §2 row rules of the filings and events log: one case per reject rule. */
class Spec2FilingRowRuleTest {

    private static final FilingRowRule RULE = new FilingRowRule(new KnownSubjects(Set.of("RRA-2002", "RRA-2001"),
            Set.of("BRAMWELL-2002", "HALIFAX-2002"), Set.of("RMTR")));

    private static Map<String, String> row(String date, String type, String subject, String amount, String shares,
                                           String ratio, String document, String note) {
        Map<String, String> row = new HashMap<>();
        row.put("date", date);
        row.put("type", type);
        row.put("subject", subject);
        row.put("amount", amount);
        row.put("shares", shares);
        row.put("ratio", ratio);
        row.put("price", "");
        row.put("document", document);
        row.put("note", note);
        return row;
    }

    @Test
    void acceptsEveryTypeWithItsFields() {
        FilingEvent conversion = RULE.check(row("2003-11-03", "CONVERSION", "HALIFAX-2002", "500000.00", "132662", "",
                "CONV-1", "")).value();
        assertEquals(EventType.CONVERSION, conversion.type());
        assertEquals(new BigDecimal("500000.00"), conversion.amount());
        assertEquals(132662L, conversion.shares());
        assertEquals("CONV-1", conversion.document());
        FilingEvent split = RULE.check(row("2004-09-08", "STOCK_SPLIT", "RMTR", "", "", "0.1", "", "")).value();
        assertEquals(new BigDecimal("0.1"), split.ratio());
        FilingEvent resumed = RULE.check(row("2004-02-13", "SALES_RESUMED", "RRA-2002", "", "", "", "", "")).value();
        assertNull(resumed.note());
    }

    @ParameterizedTest(name = "[{index}] {1} {2} -> {8}")
    @CsvSource(delimiter = '|', value = {
            "2004-02-30 | INTEREST_PAID | HALIFAX-2002 | 10 |  |  |  |  | date '2004-02-30' is not a real calendar date",
            "2004-02-10 | INTEREST_PAYED | HALIFAX-2002 | 10 |  |  |  |  | unknown type 'INTEREST_PAYED'",
            "2004-02-10 | INTEREST_PAID | HALIFAX | 10 |  |  |  |  | INTEREST_PAID needs an instrument as subject; 'HALIFAX' is not one",
            "2004-02-10 | INTEREST_PAID | RRA-2002 | 10 |  |  |  |  | INTEREST_PAID needs an instrument as subject",
            "2004-02-10 | SALES_SUSPENDED | RMTR |  |  |  |  | stale | SALES_SUSPENDED needs a registration-rights agreement as subject",
            "2004-02-10 | STOCK_SPLIT | RRA-2002 |  |  | 2 |  |  | STOCK_SPLIT needs a symbol as subject",
            "2004-02-10 | INTEREST_PAID | HALIFAX-2002 |  |  |  |  |  | INTEREST_PAID needs amount",
            "2004-02-10 | SALES_SUSPENDED | RRA-2002 |  |  |  |  |  | SALES_SUSPENDED needs note",
            "2004-02-10 | REGISTRATION_FILED | RRA-2002 |  |  |  |  |  | REGISTRATION_FILED needs shares",
            "2004-02-10 | SHARES_DELIVERED | HALIFAX-2002 |  | 100 |  |  |  | SHARES_DELIVERED needs document",
            "2004-02-10 | CONVERSION | HALIFAX-2002 | 1000 |  |  | C-1 |  | CONVERSION needs shares",
            "2004-02-10 | STOCK_SPLIT | RMTR |  |  | 0 |  |  | ratio is zero; it must be above zero",
            "2004-02-10 | INTEREST_PAID | HALIFAX-2002 | -10 |  |  |  |  | amount -10 is negative",
            "2004-02-10 | CONVERSION | HALIFAX-2002 | 1000 | 265.5 |  | C-1 |  | shares '265.5' is not a whole number",
            "2004-02-10 | INTEREST_PAID | HALIFAX-2002 | 1e3 |  |  |  |  | amount '1e3' is not a plain decimal number",
    })
    void rejectsWithAReason(String date, String type, String subject, String amount, String shares, String ratio,
                            String document, String note, String reason) {
        Checked<FilingEvent> checked = RULE.check(row(date, type, subject, amount, shares, ratio, document, note));
        assertNull(checked.value());
        assertTrue(checked.reason().startsWith(reason), checked.reason());
    }

    /** SPEC §2, §7 (v2): a Conversion Default amount paid (Debenture 3(e)), subject an instrument, needs amount. */
    @Test
    void acceptsConversionDefaultPaidWithItsAmount() {
        FilingEvent paid = RULE.check(row("2003-12-15", "CONVERSION_DEFAULT_PAID", "HALIFAX-2002", "410.96", "", "", "", ""))
                .value();
        assertEquals(EventType.CONVERSION_DEFAULT_PAID, paid.type());
        assertEquals(new BigDecimal("410.96"), paid.amount());
        assertEquals("Debenture 3(e)", paid.type().clause());
        assertEquals("CONVERSION_DEFAULT_PAID needs amount (empty or missing column)",
                RULE.check(row("2003-12-15", "CONVERSION_DEFAULT_PAID", "HALIFAX-2002", "", "", "", "", "")).reason());
        assertTrue(RULE.check(row("2003-12-15", "CONVERSION_DEFAULT_PAID", "RRA-2002", "410.96", "", "", "", "")).reason()
                .startsWith("CONVERSION_DEFAULT_PAID needs an instrument as subject"));
        assertEquals("amount -410.96 is negative",
                RULE.check(row("2003-12-15", "CONVERSION_DEFAULT_PAID", "HALIFAX-2002", "-410.96", "", "", "", "")).reason());
    }
}
