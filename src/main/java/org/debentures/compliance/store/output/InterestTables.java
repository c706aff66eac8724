package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.rules.interest.DefaultInterestMonth;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.interest.InterestDue;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.store.WriteBatch;

/**
 * SQL of {@code interest_accrual}, {@code interest_due}, {@code default_interest_month} and
 * {@code conversion_delivery}. Daily rows are replaced for the run's range; a due or month is
 * replaced when it falls in the range, or when it fell earlier and was still unpaid at the range's
 * start (its payment state as of the run's last day is what the range changes).
 */
public final class InterestTables {

    private final WriteBatch writes;

    public InterestTables(WriteBatch writes) {
        this.writes = writes;
    }

    public void replaceAccruals(String instrumentId, LocalDate from, LocalDate to, List<InterestAccrualDay> days) {
        writes.replace("interest_accrual", "instrument_id", "accrual_date BETWEEN ? AND ?", instrumentId, Date.valueOf(from), Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        for (InterestAccrualDay d : days) {
            if (!d.date().isBefore(from) && !d.date().isAfter(to)) {
                rows.add(new Object[] {instrumentId, d.date(), d.principal(), d.interestBase(),
                        d.regularInterest(), d.defaultInterest(), d.compoundedInterest(), d.lateInterest(),
                        d.accruedUnpaidInterest()});
            }
        }
        writes.insert("interest_accrual", List.of("instrument_id", "accrual_date", "principal", "interest_base",
                "regular_interest", "default_interest", "compounded_interest", "late_interest", "accrued_unpaid_interest"),
                rows, new int[] {Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL,
                        Types.DECIMAL, Types.DECIMAL, Types.DECIMAL});
    }

    public void replaceDues(String instrumentId, LocalDate from, LocalDate to, List<InterestDue> dues) {
        writes.replace("interest_due", "instrument_id", "(due_date BETWEEN ? AND ?"
                + " OR (due_date < ? AND (paid_date IS NULL OR paid_date >= ?)))", instrumentId, Date.valueOf(from),
                Date.valueOf(to), Date.valueOf(from), Date.valueOf(from));
        List<Object[]> rows = new ArrayList<>();
        for (InterestDue due : dues) {
            boolean inRange = !due.dueDate().isBefore(from) && !due.dueDate().isAfter(to);
            boolean openAtStart = due.dueDate().isBefore(from) && (due.paidDate() == null || !due.paidDate().isBefore(from));
            if (inRange || openAtStart) {
                rows.add(new Object[] {instrumentId, Date.valueOf(due.dueDate()), due.amountDue(), due.amountPaid(),
                        due.paidDate() == null ? null : Date.valueOf(due.paidDate()), Date.valueOf(due.periodStart()),
                        (int) due.days(), Date.valueOf(due.adjustedDueDate()), due.status(to)});
            }
        }
        writes.insert("interest_due", List.of("instrument_id", "due_date", "amount_due", "amount_paid", "paid_date", "period_start", "period_days", "adjusted_due_date", "status"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.DECIMAL, Types.DATE, Types.DATE, Types.INTEGER, Types.DATE, Types.VARCHAR});
    }

    public void replaceDefaultInterestMonths(String instrumentId, LocalDate from, LocalDate to,
                                             List<DefaultInterestMonth> months) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        writes.replace("default_interest_month", "instrument_id", "(accrual_month BETWEEN ? AND ?"
                + " OR (accrual_month < ? AND (paid_date IS NULL OR paid_date >= ?)))", instrumentId,
                Date.valueOf(firstMonth), Date.valueOf(to), Date.valueOf(firstMonth), Date.valueOf(from));
        List<Object[]> rows = new ArrayList<>();
        for (DefaultInterestMonth m : months) {
            LocalDate start = m.month().atDay(1);
            boolean inRange = !start.isBefore(firstMonth) && !start.isAfter(to);
            boolean openAtStart = start.isBefore(firstMonth) && (m.paidDate() == null || !m.paidDate().isBefore(from));
            if (inRange || openAtStart) {
                rows.add(new Object[] {instrumentId, Date.valueOf(start), m.accrued(), m.amountDue(), Date.valueOf(m.dueBy()),
                        m.amountPaid(), m.paidDate() == null ? null : Date.valueOf(m.paidDate())});
            }
        }
        writes.insert("default_interest_month", List.of("instrument_id", "accrual_month", "accrued", "amount_due", "due_by", "amount_paid", "paid_date"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.DECIMAL, Types.DATE, Types.DECIMAL, Types.DATE});
    }

    /**
     * Replaces the instrument's Mandatory Redemption Prices (Debenture 6(b)) in {@code [from, to]};
     * each row names the Events of Default continuing that day.
     *
     * @param eventsOfDefault the instrument's Events of Default, any clause
     */
    public void replaceRedemptionPrices(String instrumentId, LocalDate from, LocalDate to,
                                        List<org.debentures.compliance.rules.redemption.MandatoryRedemptionPrice> prices,
                                        List<org.debentures.compliance.findings.Finding> eventsOfDefault) {
        writes.replace("mandatory_redemption_price", "instrument_id", "price_date BETWEEN ? AND ?", instrumentId, Date.valueOf(from), Date.valueOf(to));
        List<org.debentures.compliance.findings.Finding> eods = eventsOfDefault;
        List<Object[]> rows = new ArrayList<>();
        for (var p : prices) {
            java.util.TreeSet<String> clauses = new java.util.TreeSet<>();
            eods.stream().filter(f -> !f.startDate().isAfter(p.date()) && (f.endDate() == null || !f.endDate().isBefore(p.date())))
                    .forEach(f -> clauses.add(f.clause()));
            rows.add(new Object[] {instrumentId, p.date(), String.join("; ", clauses), p.principal(),
                    p.accruedInterest(), Rounding.reportedConversionPrice(p.conversionPrice()), p.marketPrice(),
                    p.premiumValue(), p.conversionValue(), p.price()});
        }
        writes.insert("mandatory_redemption_price", List.of("instrument_id", "price_date", "clauses", "principal",
                "accrued_interest", "conversion_price", "market_price", "premium_value", "conversion_value",
                "redemption_price"), rows, new int[] {Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DECIMAL,
                Types.DECIMAL, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL});
    }

    public void replaceDeliveries(String instrumentId, LocalDate to, List<ConversionDelivery> deliveries) {
        writes.replace("conversion_delivery", "instrument_id", "conversion_date <= ?", instrumentId,
                Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        for (ConversionDelivery d : deliveries) {
            rows.add(new Object[] {instrumentId, Date.valueOf(d.conversionDate()), d.reference(), d.principalConverted(),
                    Rounding.reportedConversionPrice(d.conversionPrice()), d.sharesDue().longValueExact(), d.sharesLogged(),
                    Date.valueOf(d.deliveryDate()), d.deliveredOn() == null ? null : Date.valueOf(d.deliveredOn()),
                    d.defaultDays()});
        }
        writes.insert("conversion_delivery", List.of("instrument_id", "conversion_date", "reference", "principal_converted", "conversion_price", "shares_due", "shares_logged", "delivery_date", "delivered_on", "default_days"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.BIGINT, Types.BIGINT, Types.DATE, Types.DATE, Types.INTEGER});
    }
}
