package org.debentures.compliance.store.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.conversion.ConditionState;
import org.debentures.compliance.rules.conversion.Readiness;
import org.debentures.compliance.rules.conversion.VwapTestDay;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.WriteBatch;
import org.debentures.compliance.terms.VwapTestReading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ConversionTables}: the VWAP test's days replaced for the range only, the readiness of an
 * as-of date replaced with its conditions (SPEC §8, Debenture 5(c)).
 */
class ConversionTablesTest extends StoreTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2003-01-01");
    private static final LocalDate JAN_31 = LocalDate.parse("2003-01-31");

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("conversion_tables");
    }

    /** A counted day: VWAP against 200% of a 2.50 Conversion Price (5.00), no window yet. */
    private static VwapTestDay day(String date, String vwap) {
        BigDecimal v = new BigDecimal(vwap);
        BigDecimal threshold = new BigDecimal("5.000000");
        return new VwapTestDay(LocalDate.parse(date), v, new BigDecimal("2.50"), threshold, threshold,
                new BigDecimal("7.500000"), v.compareTo(threshold) > 0, null, null, false, false, List.of());
    }

    @Test
    void vwapTestDaysAreReplacedForTheRangeOnly() {
        WriteBatch writes = newRun(jdbc);
        new ConversionTables(writes).replaceVwapTest("DEB-1", LocalDate.parse("2002-12-01"), JAN_31,
                VwapTestReading.PERCENT_OF, List.of(day("2002-12-31", "4.00"), day("2003-01-02", "5.10")));
        publish(jdbc, writes);
        WriteBatch rerun = newRun(jdbc);
        new ConversionTables(rerun).replaceVwapTest("DEB-1", JAN_1, JAN_31, VwapTestReading.PERCENT_OF,
                List.of(day("2002-12-31", "9.99"), day("2003-01-02", "4.90"), day("2003-01-03", "5.20")));
        publish(jdbc, rerun);
        // December's day stays as it was (outside the range, 9.99 ignored); January's replaced: 4.90 below 5.00,
        // 5.20 above; the margin under 5(c)(ii) PERCENT_OF is VWAP - 5.00: -0.10 and 0.20
        assertEquals(List.of("2002-12-31 4 false -1", "2003-01-02 4.9 false -0.1", "2003-01-03 5.2 true 0.2"),
                jdbc.query("SELECT trade_date, vwap, above, margin_percent_of FROM vwap_test ORDER BY trade_date",
                        (rs, i) -> rs.getDate(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " "
                                + rs.getBoolean(3) + " " + rs.getBigDecimal(4).stripTrailingZeros().toPlainString()));
    }

    @Test
    void theReadinessOfAnAsOfDateIsReplacedWithItsConditions() {
        Readiness first = new Readiness("DEB-1", JAN_31, List.of(
                new ConditionState("5(c)(i)", "registration effective", ConditionState.State.MET, JAN_1, "effective"),
                new ConditionState("5(c)(ii)", "VWAP test", ConditionState.State.NOT_MET, null, "12 of 20")),
                LocalDate.parse("2003-02-03"), LocalDate.parse("2003-03-04"), false);
        WriteBatch writes = newRun(jdbc);
        new ConversionTables(writes).replaceReadiness(first, 7);
        publish(jdbc, writes);
        Readiness again = new Readiness("DEB-1", JAN_31, List.of(
                new ConditionState("5(c)(ii)", "VWAP test", ConditionState.State.MET, JAN_31, "20 of 30")),
                LocalDate.parse("2003-02-03"), LocalDate.parse("2003-03-04"), true);
        WriteBatch rerun = newRun(jdbc);
        new ConversionTables(rerun).replaceReadiness(again, 8);
        publish(jdbc, rerun);
        assertEquals("true 8", jdbc.queryForObject("SELECT checked_conditions_met, run_id FROM conversion_readiness",
                (rs, i) -> rs.getBoolean(1) + " " + rs.getLong(2)));
        assertEquals(List.of("5(c)(ii) MET 2003-01-31 20 of 30"), jdbc.query("SELECT condition_id, state, met_since,"
                + " evidence FROM conversion_readiness_condition", (rs, i) -> rs.getString(1) + " " + rs.getString(2)
                + " " + rs.getDate(3) + " " + rs.getString(4)));
    }
}
