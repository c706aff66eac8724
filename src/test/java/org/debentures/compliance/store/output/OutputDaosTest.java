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
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.rules.interest.DefaultInterestMonth;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.interest.InterestDue;
import org.debentures.compliance.rules.redemption.MandatoryRedemptionPrice;
import org.debentures.compliance.rules.registration.DefaultReason;
import org.debentures.compliance.rules.registration.RegistrationDefaultDay;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.WriteBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The output data-access classes (interest, dues, default interest, deliveries, redemption prices,
 * penalties, deadlines): a write replaces the rows of its
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

    @Test
    void aDueStillOpenAtTheRangeStartIsReplacedWithTheRangeAndOneSettledBeforeItStays() {
        LocalDate july = LocalDate.parse("2002-07-01");
        // run 1: the July due paid on time, the January due unpaid as of 2003-01-31
        WriteBatch writes = newRun(jdbc);
        new InterestTables(writes).replaceDues("DEB-1", LocalDate.parse("2002-03-28"), JAN_31, List.of(
                new InterestDue("DEB-1", july, july, LocalDate.parse("2002-03-28"), new BigDecimal("32534.25"),
                        new BigDecimal("32534.25"), july, true),
                new InterestDue("DEB-1", JAN_1, LocalDate.parse("2003-01-02"), july, new BigDecimal("63013.70"),
                        BigDecimal.ZERO, null, true)));
        publish(jdbc, writes);
        // a rerun of February: the January due, open on 02-01, is paid on 02-10; July's is not the range's
        WriteBatch rerun = newRun(jdbc);
        new InterestTables(rerun).replaceDues("DEB-1", LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-28"),
                List.of(new InterestDue("DEB-1", JAN_1, LocalDate.parse("2003-01-02"), july, new BigDecimal("63013.70"),
                        new BigDecimal("63013.70"), LocalDate.parse("2003-02-10"), true)));
        publish(jdbc, rerun);
        assertEquals(List.of("2002-07-01 32534.25 2002-07-01 PAID_ON_TIME 95", "2003-01-01 63013.70 2003-02-10 PAID_LATE 184"),
                jdbc.query("SELECT due_date, amount_paid, paid_date, status, period_days FROM interest_due ORDER BY due_date",
                        (rs, i) -> rs.getDate(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getDate(3) + " "
                                + rs.getString(4) + " " + rs.getInt(5)));
    }

    @Test
    void redemptionPricesNameTheEventsOfDefaultContinuingEachDay() {
        WriteBatch writes = newRun(jdbc);
        List<Finding> eventsOfDefault = List.of(
                new Finding(ExceptionCode.EVENT_OF_DEFAULT, "DEB-1", "6(d)(iii)", LocalDate.parse("2003-01-05"), null, "registration"),
                new Finding(ExceptionCode.EVENT_OF_DEFAULT, "DEB-1", "6(d)(v)", LocalDate.parse("2003-01-10"),
                        LocalDate.parse("2003-01-12"), "interest"));
        List<MandatoryRedemptionPrice> prices = new ArrayList<>();
        for (String day : List.of("2003-01-05", "2003-01-10", "2003-01-20")) {
            // 120% x (2,500,000 + 1,000) = 3,001,200.00; 2,501,000 / 0.50 x 0.40 = 2,000,800.00: the 120% branch
            prices.add(MandatoryRedemptionPrice.of(LocalDate.parse(day), new BigDecimal("2500000.00"),
                    new BigDecimal("1000.00"), new BigDecimal("0.50"), new BigDecimal("0.40"), new BigDecimal("1.2")));
        }
        new InterestTables(writes).replaceRedemptionPrices("DEB-1", JAN_1, JAN_31, prices, eventsOfDefault);
        publish(jdbc, writes);
        assertEquals(List.of("2003-01-05 6(d)(iii) 3001200.00 2000800.00", "2003-01-10 6(d)(iii); 6(d)(v) 3001200.00 2000800.00",
                        "2003-01-20 6(d)(iii) 3001200.00 2000800.00"),
                jdbc.query("SELECT price_date, clauses, redemption_price, conversion_value FROM mandatory_redemption_price"
                        + " ORDER BY price_date", (rs, i) -> rs.getDate(1) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).toPlainString() + " " + rs.getBigDecimal(4).toPlainString()));
    }

    @Test
    void aDeliveryIsReplacedWithItsInstrumentsAndDefaultInterestMonthsByMonth() {
        WriteBatch writes = newRun(jdbc);
        InterestTables interest = new InterestTables(writes);
        // 500,000 / 2.25 = 222,222.2... shares, rounded up: 222,223
        interest.replaceDeliveries("DEB-1", JAN_31, List.of(new ConversionDelivery("DEB-1", LocalDate.parse("2003-01-06"),
                "notice-1", new BigDecimal("500000.00"), new BigDecimal("2.25"), new BigDecimal("222223"), 222223L,
                LocalDate.parse("2003-01-09"), null, 23)));
        // 63,013.70 x 24% / 365 x 19 days = 787.239654 -> 787.24 due by 2003-02-07
        interest.replaceDefaultInterestMonths("DEB-1", JAN_1, JAN_31, List.of(new DefaultInterestMonth("DEB-1",
                YearMonth.of(2003, 1), new BigDecimal("787.239654"), new BigDecimal("787.24"), LocalDate.parse("2003-02-07"),
                BigDecimal.ZERO, null)));
        publish(jdbc, writes);
        // the shares delivered on 2003-01-14: N = 5 days; the month paid on 2003-02-05
        WriteBatch rerun = newRun(jdbc);
        InterestTables again = new InterestTables(rerun);
        again.replaceDeliveries("DEB-1", LocalDate.parse("2003-02-28"), List.of(new ConversionDelivery("DEB-1",
                LocalDate.parse("2003-01-06"), "notice-1", new BigDecimal("500000.00"), new BigDecimal("2.25"),
                new BigDecimal("222223"), 222223L, LocalDate.parse("2003-01-09"), LocalDate.parse("2003-01-14"), 5)));
        again.replaceDefaultInterestMonths("DEB-1", LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-28"),
                List.of(new DefaultInterestMonth("DEB-1", YearMonth.of(2003, 1), new BigDecimal("787.239654"),
                        new BigDecimal("787.24"), LocalDate.parse("2003-02-07"), new BigDecimal("787.24"),
                        LocalDate.parse("2003-02-05"))));
        publish(jdbc, rerun);
        assertEquals("222223 2003-01-14 5", jdbc.queryForObject("SELECT shares_due, delivered_on, default_days"
                + " FROM conversion_delivery", (rs, i) -> rs.getLong(1) + " " + rs.getDate(2) + " " + rs.getInt(3)));
        assertEquals("787.24 787.24 2003-02-05", jdbc.queryForObject("SELECT amount_due, amount_paid, paid_date"
                + " FROM default_interest_month", (rs, i) -> rs.getBigDecimal(1).toPlainString() + " "
                + rs.getBigDecimal(2).toPlainString() + " " + rs.getDate(3)));
    }
}
