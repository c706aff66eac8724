package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.rules.interest.DefaultInterestMonth;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.interest.InterestDue;
import org.debentures.compliance.rules.redemption.MandatoryRedemptionPrice;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/**
 * SQL of {@code interest_accrual}, {@code interest_due}, {@code default_interest_month},
 * {@code conversion_delivery} and {@code mandatory_redemption_price}. Daily rows are replaced for the
 * run's range; a due or month is replaced when it falls in the range, or when it fell earlier and was
 * still unpaid at the range's start (its payment state as of the run's last day is what the range changes).
 */
public final class InterestTables {

    private static final Columns<InterestAccrualDay> ACCRUAL = Columns.<InterestAccrualDay>of("interest_accrual")
            .column("instrument_id", Types.VARCHAR, InterestAccrualDay::instrumentId)
            .column("accrual_date", Types.DATE, InterestAccrualDay::date)
            .column("principal", Types.DECIMAL, InterestAccrualDay::principal)
            .column("interest_base", Types.DECIMAL, InterestAccrualDay::interestBase)
            .column("regular_interest", Types.DECIMAL, InterestAccrualDay::regularInterest)
            .column("default_interest", Types.DECIMAL, InterestAccrualDay::defaultInterest)
            .column("compounded_interest", Types.DECIMAL, InterestAccrualDay::compoundedInterest)
            .column("late_interest", Types.DECIMAL, InterestAccrualDay::lateInterest)
            .column("accrued_unpaid_interest", Types.DECIMAL, InterestAccrualDay::accruedUnpaidInterest);

    /** A due with its status as of the run's last day. */
    private record DueRow(InterestDue due, String status) {
    }

    private static final Columns<DueRow> DUE = Columns.<DueRow>of("interest_due")
            .column("instrument_id", Types.VARCHAR, r -> r.due().instrumentId())
            .column("due_date", Types.DATE, r -> Date.valueOf(r.due().dueDate()))
            .column("amount_due", Types.DECIMAL, r -> r.due().amountDue())
            .column("amount_paid", Types.DECIMAL, r -> r.due().amountPaid())
            .column("paid_date", Types.DATE, r -> r.due().paidDate() == null ? null : Date.valueOf(r.due().paidDate()))
            .column("period_start", Types.DATE, r -> Date.valueOf(r.due().periodStart()))
            .column("period_days", Types.INTEGER, r -> (int) r.due().days())
            .column("adjusted_due_date", Types.DATE, r -> Date.valueOf(r.due().adjustedDueDate()))
            .column("status", Types.VARCHAR, DueRow::status);

    private static final Columns<DefaultInterestMonth> MONTH = Columns.<DefaultInterestMonth>of("default_interest_month")
            .column("instrument_id", Types.VARCHAR, DefaultInterestMonth::instrumentId)
            .column("accrual_month", Types.DATE, m -> Date.valueOf(m.month().atDay(1)))
            .column("accrued", Types.DECIMAL, DefaultInterestMonth::accrued)
            .column("amount_due", Types.DECIMAL, DefaultInterestMonth::amountDue)
            .column("due_by", Types.DATE, m -> Date.valueOf(m.dueBy()))
            .column("amount_paid", Types.DECIMAL, DefaultInterestMonth::amountPaid)
            .column("paid_date", Types.DATE, m -> m.paidDate() == null ? null : Date.valueOf(m.paidDate()));

    /** A day's Mandatory Redemption Price of an instrument, with the Events of Default continuing that day. */
    private record RedemptionRow(String instrumentId, MandatoryRedemptionPrice price, String clauses) {
    }

    private static final Columns<RedemptionRow> REDEMPTION = Columns.<RedemptionRow>of("mandatory_redemption_price")
            .column("instrument_id", Types.VARCHAR, RedemptionRow::instrumentId)
            .column("price_date", Types.DATE, r -> r.price().date())
            .column("clauses", Types.VARCHAR, RedemptionRow::clauses)
            .column("principal", Types.DECIMAL, r -> r.price().principal())
            .column("accrued_interest", Types.DECIMAL, r -> r.price().accruedInterest())
            .column("conversion_price", Types.DECIMAL, r -> Rounding.reportedConversionPrice(r.price().conversionPrice()))
            .column("market_price", Types.DECIMAL, r -> r.price().marketPrice())
            .column("premium_value", Types.DECIMAL, r -> r.price().premiumValue())
            .column("conversion_value", Types.DECIMAL, r -> r.price().conversionValue())
            .column("redemption_price", Types.DECIMAL, r -> r.price().price());

    private static final Columns<ConversionDelivery> DELIVERY = Columns.<ConversionDelivery>of("conversion_delivery")
            .column("instrument_id", Types.VARCHAR, ConversionDelivery::instrumentId)
            .column("conversion_date", Types.DATE, d -> Date.valueOf(d.conversionDate()))
            .column("reference", Types.VARCHAR, ConversionDelivery::reference)
            .column("principal_converted", Types.DECIMAL, ConversionDelivery::principalConverted)
            .column("conversion_price", Types.DECIMAL, d -> Rounding.reportedConversionPrice(d.conversionPrice()))
            .column("shares_due", Types.BIGINT, d -> d.sharesDue().longValueExact())
            .column("shares_logged", Types.BIGINT, ConversionDelivery::sharesLogged)
            .column("delivery_date", Types.DATE, d -> Date.valueOf(d.deliveryDate()))
            .column("delivered_on", Types.DATE, d -> d.deliveredOn() == null ? null : Date.valueOf(d.deliveredOn()))
            .column("default_days", Types.INTEGER, ConversionDelivery::defaultDays)
            .column("price_basis", Types.VARCHAR, d -> d.priceBasis() == null || d.priceBasis().length() <= 1000
                    ? d.priceBasis() : d.priceBasis().substring(0, 996) + " ...");

    private final WriteBatch writes;

    public InterestTables(WriteBatch writes) {
        this.writes = writes;
    }

    public void replaceAccruals(String instrumentId, LocalDate from, LocalDate to, List<InterestAccrualDay> days) {
        writes.replace("interest_accrual", "instrument_id", "accrual_date BETWEEN ? AND ?", instrumentId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(ACCRUAL, days.stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList());
    }

    public void replaceDues(String instrumentId, LocalDate from, LocalDate to, List<InterestDue> dues) {
        writes.replace("interest_due", "instrument_id", "(due_date BETWEEN ? AND ?"
                + " OR (due_date < ? AND (paid_date IS NULL OR paid_date >= ?)))", instrumentId, Date.valueOf(from),
                Date.valueOf(to), Date.valueOf(from), Date.valueOf(from));
        writes.insert(DUE, dues.stream().filter(due -> {
            boolean inRange = !due.dueDate().isBefore(from) && !due.dueDate().isAfter(to);
            boolean openAtStart = due.dueDate().isBefore(from) && (due.paidDate() == null || !due.paidDate().isBefore(from));
            return inRange || openAtStart;
        }).map(due -> new DueRow(due, due.status(to))).toList());
    }

    public void replaceDefaultInterestMonths(String instrumentId, LocalDate from, LocalDate to,
                                             List<DefaultInterestMonth> months) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        writes.replace("default_interest_month", "instrument_id", "(accrual_month BETWEEN ? AND ?"
                + " OR (accrual_month < ? AND (paid_date IS NULL OR paid_date >= ?)))", instrumentId,
                Date.valueOf(firstMonth), Date.valueOf(to), Date.valueOf(firstMonth), Date.valueOf(from));
        writes.insert(MONTH, months.stream().filter(m -> {
            LocalDate start = m.month().atDay(1);
            boolean inRange = !start.isBefore(firstMonth) && !start.isAfter(to);
            boolean openAtStart = start.isBefore(firstMonth) && (m.paidDate() == null || !m.paidDate().isBefore(from));
            return inRange || openAtStart;
        }).toList());
    }

    /**
     * Replaces the instrument's Mandatory Redemption Prices (Debenture 6(b)) in {@code [from, to]};
     * each row names the Events of Default continuing that day.
     *
     * @param eventsOfDefault the instrument's Events of Default, any clause
     */
    public void replaceRedemptionPrices(String instrumentId, LocalDate from, LocalDate to,
                                        List<MandatoryRedemptionPrice> prices, List<Finding> eventsOfDefault) {
        writes.replace("mandatory_redemption_price", "instrument_id", "price_date BETWEEN ? AND ?", instrumentId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(REDEMPTION, prices.stream().map(p -> {
            TreeSet<String> clauses = new TreeSet<>();
            eventsOfDefault.stream().filter(f -> !f.startDate().isAfter(p.date())
                    && (f.endDate() == null || !f.endDate().isBefore(p.date()))).forEach(f -> clauses.add(f.clause()));
            return new RedemptionRow(instrumentId, p, String.join("; ", clauses));
        }).toList());
    }

    public void replaceDeliveries(String instrumentId, LocalDate to, List<ConversionDelivery> deliveries) {
        writes.replace("conversion_delivery", "instrument_id", "conversion_date <= ?", instrumentId, Date.valueOf(to));
        writes.insert(DELIVERY, deliveries);
    }
}
