package org.debentures.compliance.store.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.rules.deadlines.Deadline;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.registration.DefaultReason;
import org.debentures.compliance.rules.registration.RegistrationDefaultDay;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.WriteBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The output data-access classes (interest, penalties, deadlines): a write replaces the rows of its
 * key and range, and leaves every other row; a rerun of the same rows leaves the same rows (SPEC §8).
 */
class OutputDaosTest extends StoreTest {

    static final LocalDate JAN_1 = LocalDate.parse("2003-01-01");
    static final LocalDate JAN_31 = LocalDate.parse("2003-01-31");

    protected JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("output_daos");
    }

    static List<InterestAccrualDay> days(String instrument, LocalDate first, int n, String regular) {
        List<InterestAccrualDay> days = new ArrayList<>();
        BigDecimal zero = new BigDecimal("0.000000");
        for (int i = 0; i < n; i++) {
            days.add(new InterestAccrualDay(instrument, first.plusDays(i), new BigDecimal("2500000.00"), BigDecimal.ZERO,
                    new BigDecimal("2500000.00"), new BigDecimal(regular), zero, zero, new BigDecimal(regular)));
        }
        return days;
    }

    private List<String> accruals() {
        return jdbc.query("SELECT instrument_id, COUNT(*), SUM(regular_interest) FROM interest_accrual"
                + " GROUP BY instrument_id ORDER BY instrument_id", (rs, i) -> rs.getString(1) + " " + rs.getLong(2)
                + " " + rs.getBigDecimal(3).setScale(6));
    }

    @Test
    void interestAccrualsOfARangeAreReplacedAndOnlyThose() {
        WriteBatch writes = newRun(jdbc);
        InterestTables interest = new InterestTables(writes);
        // December and January for one instrument, January for another
        interest.replaceAccruals("DEB-1", JAN_1.minusDays(31), JAN_31, days("DEB-1", JAN_1.minusDays(31), 62, "342.465753"));
        interest.replaceAccruals("DEB-2", JAN_1, JAN_31, days("DEB-2", JAN_1, 31, "100.000000"));
        publish(jdbc, writes);
        // 62 x 342.465753 = 21,232.876686; 31 x 100 = 3,100
        assertEquals(List.of("DEB-1 62 21232.876686", "DEB-2 31 3100.000000"), accruals());

        // a rerun of January for DEB-1 with other figures replaces its 31 January rows only:
        // 31 x 342.465753 + 31 x 351.097767 = 10,616.438343 + 10,884.030777 = 21,500.469120
        WriteBatch rerun = newRun(jdbc);
        new InterestTables(rerun).replaceAccruals("DEB-1", JAN_1, JAN_31, days("DEB-1", JAN_1, 31, "351.097767"));
        publish(jdbc, rerun);
        assertEquals(List.of("DEB-1 62 21500.469120", "DEB-2 31 3100.000000"), accruals());
    }

    @Test
    void defaultDaysAccrualsAndBalancesAreReplacedPerKeyAndRange() {
        WriteBatch writes = newRun(jdbc);
        PenaltyTables penalties = new PenaltyTables(writes);
        List<RegistrationDefaultDay> days = List.of(
                new RegistrationDefaultDay("RRA-1", JAN_1, EnumSet.of(DefaultReason.FILING_LATE), 1, new BigDecimal("0.015")),
                new RegistrationDefaultDay("RRA-1", JAN_1.plusDays(1), EnumSet.of(DefaultReason.FILING_LATE), 2,
                        new BigDecimal("0.015")));
        penalties.replaceDefaultDays("RRA-1", JAN_1, JAN_31, days, "CUMULATIVE");
        List<PenaltyAccrual> accruals = List.of(
                new PenaltyAccrual("DEB-1", "Holder", JAN_1, PenaltyKind.REGISTRATION_DEFAULT, new BigDecimal("2500000.00"),
                        new BigDecimal("0.015"), new BigDecimal("1250.000000"), "RRA 2(d)", "day 1"),
                new PenaltyAccrual("DEB-1", "Holder", JAN_1, PenaltyKind.CONVERSION_DEFAULT, new BigDecimal("1000000.00"),
                        new BigDecimal("0.24"), new BigDecimal("657.534247"), "Debenture 3(e)(A)", "day 1"));
        penalties.replaceAccruals("DEB-1", PenaltyKind.REGISTRATION_DEFAULT, JAN_1, JAN_31, accruals);
        penalties.replaceAccruals("DEB-1", PenaltyKind.CONVERSION_DEFAULT, JAN_1, JAN_31, accruals);
        penalties.replaceBalance("DEB-1", PenaltyKind.REGISTRATION_DEFAULT, JAN_31, List.of(new PenaltyStatement.Month(
                "DEB-1", "Holder", PenaltyKind.REGISTRATION_DEFAULT, YearMonth.of(2003, 1), new BigDecimal("1250.000000"),
                new BigDecimal("1250.00"), new BigDecimal("1000.00"), new BigDecimal("250.00"))));
        publish(jdbc, writes);
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM registration_default_day", Integer.class));
        assertEquals(List.of("CONVERSION_DEFAULT 657.534247", "REGISTRATION_DEFAULT 1250.000000"), jdbc.query(
                "SELECT kind, amount FROM penalty_accrual ORDER BY kind", (rs, i) -> rs.getString(1) + " "
                        + rs.getBigDecimal(2).setScale(6)));

        // a rerun where the conversion default was cured: its accrual goes, the registration one stays
        WriteBatch rerun = newRun(jdbc);
        new PenaltyTables(rerun).replaceAccruals("DEB-1", PenaltyKind.CONVERSION_DEFAULT, JAN_1, JAN_31, List.of());
        publish(jdbc, rerun);
        assertEquals(List.of("REGISTRATION_DEFAULT"), jdbc.queryForList("SELECT kind FROM penalty_accrual", String.class));
        assertEquals(0, new BigDecimal("250.00").compareTo(jdbc.queryForObject(
                "SELECT outstanding FROM penalty_balance WHERE instrument_id = 'DEB-1'", BigDecimal.class)));
    }

    @Test
    void deadlinesAreReplacedPerDealAndAsOfDate() {
        WriteBatch writes = newRun(jdbc);
        DeadlineTables deadlines = new DeadlineTables(writes);
        Deadline interest = new Deadline("DEAL-1", "DEB-1", LocalDate.parse("2003-07-01"), "Interest Payment Date",
                "Debenture 2(a)", new BigDecimal("61986.30"), "projected");
        deadlines.replace("DEAL-1", JAN_31, List.of(interest));
        deadlines.replace("DEAL-2", JAN_31, List.of(new Deadline("DEAL-2", "DEB-9", LocalDate.parse("2003-02-15"),
                "Maturity Date", "Debenture 1", null, "principal")));
        publish(jdbc, writes);
        WriteBatch rerun = newRun(jdbc);
        new DeadlineTables(rerun).replace("DEAL-1", JAN_31, List.of());
        publish(jdbc, rerun);
        assertEquals(List.of("DEAL-2 DEB-9 2003-02-15"), jdbc.query("SELECT deal_id, subject, due_date FROM upcoming_deadline",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3)));
    }
}
