package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.rules.registration.RegistrationDefaultDay;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/** SQL of {@code registration_default_day}, {@code penalty_accrual} and {@code penalty_balance}. */
public final class PenaltyTables {

    /** A default day with the counting it was numbered under (for its explanation). */
    private record DefaultDayRow(RegistrationDefaultDay day, String counting) {
        String explanation() {
            return "default day " + day.dayIndex() + " (" + counting + ")" + (day.rate() == null
                    ? "; penalties disabled for this agreement" : "; rate " + day.rate().toPlainString());
        }
    }

    private static final Columns<DefaultDayRow> DEFAULT_DAY = Columns.<DefaultDayRow>of("registration_default_day")
            .column("agreement_id", Types.VARCHAR, r -> r.day().agreementId())
            .column("default_date", Types.DATE, r -> r.day().date())
            .column("reasons", Types.VARCHAR, r -> r.day().reasonsText())
            .column("day_index", Types.INTEGER, r -> r.day().dayIndex())
            .column("rate", Types.DECIMAL, r -> r.day().rate())
            .column("explanation", Types.VARCHAR, DefaultDayRow::explanation);

    private static final Columns<PenaltyAccrual> ACCRUAL = Columns.<PenaltyAccrual>of("penalty_accrual")
            .column("instrument_id", Types.VARCHAR, PenaltyAccrual::instrumentId)
            .column("holder", Types.VARCHAR, PenaltyAccrual::holder)
            .column("accrual_date", Types.DATE, PenaltyAccrual::date)
            .column("kind", Types.VARCHAR, a -> a.kind().name())
            .column("base_amount", Types.DECIMAL, PenaltyAccrual::baseAmount)
            .column("rate", Types.DECIMAL, PenaltyAccrual::rate)
            .column("amount", Types.DECIMAL, PenaltyAccrual::amount)
            .column("clause", Types.VARCHAR, PenaltyAccrual::clause)
            .column("explanation", Types.VARCHAR, PenaltyAccrual::explanation);

    /** A month of a balance as of a day. */
    private record BalanceRow(PenaltyStatement.Month month, LocalDate asOf) {
    }

    private static final Columns<BalanceRow> BALANCE = Columns.<BalanceRow>of("penalty_balance")
            .column("instrument_id", Types.VARCHAR, r -> r.month().instrumentId())
            .column("kind", Types.VARCHAR, r -> r.month().kind().name())
            .column("accrual_month", Types.DATE, r -> Date.valueOf(r.month().month().atDay(1)))
            .column("as_of_date", Types.DATE, r -> Date.valueOf(r.asOf()))
            .column("holder", Types.VARCHAR, r -> r.month().holder())
            .column("accrued", Types.DECIMAL, r -> r.month().accrued())
            .column("amount_due", Types.DECIMAL, r -> r.month().due())
            .column("amount_paid", Types.DECIMAL, r -> r.month().paid())
            .column("outstanding", Types.DECIMAL, r -> r.month().outstanding());

    private final WriteBatch writes;

    public PenaltyTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the agreement's default days in {@code [from, to]}. */
    public void replaceDefaultDays(String agreementId, LocalDate from, LocalDate to, List<RegistrationDefaultDay> days,
                                   String counting) {
        writes.replace("registration_default_day", "agreement_id", "default_date BETWEEN ? AND ?", agreementId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(DEFAULT_DAY, days.stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .map(d -> new DefaultDayRow(d, counting)).toList());
    }

    /** Replaces the instrument's accruals of {@code kind} in {@code [from, to]}. */
    public void replaceAccruals(String instrumentId, PenaltyKind kind, LocalDate from, LocalDate to,
                                List<PenaltyAccrual> accruals) {
        writes.replace("penalty_accrual", "instrument_id", "kind = ? AND accrual_date BETWEEN ? AND ?", instrumentId,
                kind.name(), Date.valueOf(from), Date.valueOf(to));
        writes.insert(ACCRUAL, accruals.stream().filter(a -> a.instrumentId().equals(instrumentId) && a.kind() == kind
                && !a.date().isBefore(from) && !a.date().isAfter(to)).toList());
    }

    /** Replaces the instrument's balance of {@code kind} as of {@code asOf}. */
    public void replaceBalance(String instrumentId, PenaltyKind kind, LocalDate asOf, List<PenaltyStatement.Month> months) {
        writes.replace("penalty_balance", "instrument_id", "kind = ? AND as_of_date = ?", instrumentId, kind.name(),
                Date.valueOf(asOf));
        writes.insert(BALANCE, months.stream().map(m -> new BalanceRow(m, asOf)).toList());
    }
}
