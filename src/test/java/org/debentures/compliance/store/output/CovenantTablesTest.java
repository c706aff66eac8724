package org.debentures.compliance.store.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.covenants.CovenantTest;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.WriteBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link CovenantTables}: a deal's covenant tests of the periods ending in the run's range replaced,
 * the others kept (SPEC §10: the tables of §12-§16 that are not daily), empty figures stored empty.
 */
class CovenantTablesTest extends StoreTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("covenant_tables");
    }

    private static CovenantTest ebitda(String periodEnd, int months, String target, String actual, String state) {
        BigDecimal a = actual == null ? null : new BigDecimal(actual);
        BigDecimal t = new BigDecimal(target);
        return new CovenantTest("RAMTRON-2002", "6(d)(ix)", LocalDate.parse(periodEnd), months, t, a,
                a == null ? null : a.compareTo(t) >= 0, state, LocalDate.parse(periodEnd).plusDays(30));
    }

    private List<String> stored() {
        return jdbc.query("SELECT clause, period_end, months, target, actual, met, state, breach_date FROM covenant_test"
                + " ORDER BY period_end, clause, months", (rs, i) -> rs.getString(1) + " " + rs.getDate(2) + " "
                + rs.getInt(3) + " " + rs.getBigDecimal(4) + " " + rs.getBigDecimal(5) + " " + rs.getObject(6) + " "
                + rs.getString(7) + " " + rs.getDate(8));
    }

    @Test
    void theTestsOfThePeriodsEndingInTheRangeAreReplacedAndTheOthersKept() {
        WriteBatch first = newRun(jdbc);
        new CovenantTables(first).replace("RAMTRON-2002", LocalDate.parse("2002-03-28"), LocalDate.parse("2003-06-30"),
                List.of(ebitda("2002-12-31", 12, "-2000000", "-2150000", "FINAL"),
                        ebitda("2003-03-31", 3, "-500000", null, "MISSING"),
                        ebitda("2003-06-30", 6, "750000", "700000", "UNDER_REVIEW")));
        publish(jdbc, first);
        // a rerun of 2003 (as of 2003-12-31): the 2002 row stays; 2003's periods are replaced
        WriteBatch rerun = newRun(jdbc);
        new CovenantTables(rerun).replace("RAMTRON-2002", LocalDate.parse("2003-01-01"), LocalDate.parse("2003-12-31"),
                List.of(ebitda("2002-12-31", 12, "-2000000", "-1", "FINAL"),
                        ebitda("2003-03-31", 3, "-500000", "-600000", "FINAL"),
                        ebitda("2003-06-30", 6, "750000", "700000", "FINAL")));
        publish(jdbc, rerun);
        assertEquals(List.of("6(d)(ix) 2002-12-31 12 -2000000.00 -2150000.00 false FINAL 2003-01-30",
                "6(d)(ix) 2003-03-31 3 -500000.00 -600000.00 false FINAL 2003-04-30",
                "6(d)(ix) 2003-06-30 6 750000.00 700000.00 false FINAL 2003-07-30"), stored().stream()
                .map(r -> r.replace(" 0 ", " false ").replace(" 1 ", " true ")).toList());
    }

    @Test
    void aCapexYearWithoutItsRevenueIsStoredWithEmptyTargetActualAndBreachDate() {
        WriteBatch writes = newRun(jdbc);
        new CovenantTables(writes).replace("RAMTRON-2002", LocalDate.parse("2003-01-01"), LocalDate.parse("2003-12-31"),
                List.of(new CovenantTest("RAMTRON-2002", "6(d)(x)", LocalDate.parse("2003-12-31"), 12, null, null, null,
                        "MISSING", null)));
        publish(jdbc, writes);
        assertEquals(List.of("6(d)(x) 2003-12-31 12 null null null MISSING null"), stored());
    }
}
