package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §15-§16 (v2) filings types: {@code SHARES_OUTSTANDING}, {@code ISSUANCE}, {@code HOLDER_POSITION} and
 * {@code MANDATORY_CONVERSION_NOTICE}, each with its fields; a bad row is rejected with its reason (the file and line
 * are added by the intake step, as for every row).
 */
class Spec15FilingTypesTest {

    private static final FilingRowRule RULE = new FilingRowRule(new KnownSubjects(Set.of("RRA-2002"),
            Set.of("BRAMWELL-2002", "INFINEON-2002"), Set.of("RMTR")));

    private static Map<String, String> row(String date, String type, String subject, String amount, String shares,
                                           String price, String document, String clause, String effectiveDate) {
        Map<String, String> row = new HashMap<>();
        row.put("date", date);
        row.put("type", type);
        row.put("subject", subject);
        row.put("amount", amount);
        row.put("shares", shares);
        row.put("ratio", "");
        row.put("price", price);
        row.put("document", document);
        row.put("note", "");
        row.put("clause", clause);
        row.put("period_end", "");
        row.put("effective_date", effectiveDate);
        return row;
    }

    @Test
    void acceptsEachNewTypeWithItsFields() {
        FilingEvent count = RULE.check(row("2003-04-30", "SHARES_OUTSTANDING", "RMTR", "", "22000000", "", "", "", ""))
                .value();
        assertEquals(EventType.SHARES_OUTSTANDING, count.type());
        assertEquals(22_000_000L, count.shares());

        FilingEvent issuance = RULE.check(row("2003-05-01", "ISSUANCE", "RMTR", "", "1000000", "4.00", "COMMON", "", ""))
                .value();
        assertEquals(new BigDecimal("4.00"), issuance.price());
        assertNull(issuance.amount()); // empty: shares x price
        assertNull(issuance.clause());

        FilingEvent strategic = RULE.check(row("2003-07-01", "ISSUANCE", "RMTR", "3600000", "1200000", "3.00", "COMMON",
                "4(h)(v)", "")).value();
        assertEquals("4(h)(v)", strategic.clause());

        FilingEvent reset = RULE.check(row("2003-08-01", "ISSUANCE", "RMTR", "", "800000", "3.10", "RESET", "", "")).value();
        assertEquals("RESET", reset.document());

        FilingEvent none = RULE.check(row("2003-05-01", "HOLDER_POSITION", "BRAMWELL-2002", "", "0", "", "", "", ""))
                .value();
        assertEquals(0L, none.shares()); // a Holder with no other shares: 0 is a position

        FilingEvent notice = RULE.check(row("2003-10-01", "MANDATORY_CONVERSION_NOTICE", "BRAMWELL-2002", "", "", "", "",
                "", "2003-11-03")).value();
        assertEquals(LocalDate.parse("2003-11-03"), notice.effectiveDate());
    }

    @ParameterizedTest(name = "[{index}] {1}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2003-04-30|SHARES_OUTSTANDING|RMTR|-|-22000000|-|-|-|-|shares -22000000 is negative",
            "2003-04-30|SHARES_OUTSTANDING|RMTR|-|-|-|-|-|-|SHARES_OUTSTANDING needs shares (empty or missing column)",
            "2003-04-30|SHARES_OUTSTANDING|BRAMWELL-2002|-|22000000|-|-|-|-|SHARES_OUTSTANDING needs a symbol as subject; 'BRAMWELL-2002' is not one in the deal files",
            "2003-05-01|ISSUANCE|RMTR|-|800000|-|RESET|-|-|ISSUANCE needs price (empty or missing column)",
            "2003-05-01|ISSUANCE|RMTR|-|800000|3.10|-|-|-|ISSUANCE needs document (empty or missing column)",
            "2003-05-01|ISSUANCE|RMTR|-|800000|3.10|WARRANT|-|-|ISSUANCE needs document COMMON, CONVERTIBLE or RESET; 'WARRANT' is none of them",
            "2003-05-01|ISSUANCE|RMTR|-|-800000|3.10|COMMON|-|-|shares -800000 is negative",
            "2003-05-01|ISSUANCE|RMTR|-|800000|-3.10|COMMON|-|-|price -3.10 is negative",
            "2003-05-01|ISSUANCE|RMTR|-|800000|3.10|COMMON|6(d)(ix)|-|ISSUANCE names clause 6(d)(ix); an issuance's clause is its 4(h) exemption, 4(h)(i) .. 4(h)(v), or empty when it is not exempt (Debenture 4(h), SPEC §15)",
            "2003-05-01|HOLDER_POSITION|BRAMWELL-2002|-|-5|-|-|-|-|shares -5 is negative",
            "2003-10-01|MANDATORY_CONVERSION_NOTICE|BRAMWELL-2002|-|-|-|-|-|-|MANDATORY_CONVERSION_NOTICE needs effective_date (empty or missing column)",
    })
    void rejectsABadRowWithItsReason(String date, String type, String subject, String amount, String shares, String price,
                                     String document, String clause, String effectiveDate, String reason) {
        Checked<FilingEvent> checked = RULE.check(row(date, type, subject, amount, shares, price, document, clause,
                effectiveDate));
        assertNull(checked.value());
        assertEquals(reason, checked.reason());
    }

    @Test
    void anExemptionClauseOutside4hIsRejected() {
        Checked<FilingEvent> checked = RULE.check(row("2003-05-01", "ISSUANCE", "RMTR", "", "1", "3.00", "COMMON",
                "4(h)(vi)", ""));
        assertNull(checked.value());
        assertEquals("clause '4(h)(vi)' is not a clause the log may name: 6(d)(i) .. 6(d)(xi) (Debenture 6(d), SPEC §13)"
                + " or 4(h)(i) .. 4(h)(v) (Debenture 4(h), SPEC §15)", checked.reason());
    }
}
