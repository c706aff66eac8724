package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.rules.registration.RegistrationDefaultDay;
import org.debentures.compliance.store.WriteBatch;

/** SQL of {@code registration_default_day}, {@code penalty_accrual} and {@code penalty_balance}. */
public final class PenaltyTables {

    private final WriteBatch writes;

    public PenaltyTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the agreement's default days in {@code [from, to]}. */
    public void replaceDefaultDays(String agreementId, LocalDate from, LocalDate to, List<RegistrationDefaultDay> days,
                                   String counting) {
        writes.replace("registration_default_day", "agreement_id", "default_date BETWEEN ? AND ?", agreementId, Date.valueOf(from), Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        for (RegistrationDefaultDay d : days) {
            if (!d.date().isBefore(from) && !d.date().isAfter(to)) {
                rows.add(new Object[] {agreementId, d.date(), d.reasonsText(), d.dayIndex(), d.rate(),
                        "default day " + d.dayIndex() + " (" + counting + ")" + (d.rate() == null
                                ? "; penalties disabled for this agreement" : "; rate " + d.rate().toPlainString())});
            }
        }
        writes.insert("registration_default_day", List.of("agreement_id", "default_date", "reasons", "day_index", "rate", "explanation"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.INTEGER, Types.DECIMAL, Types.VARCHAR});
    }

    /** Replaces the instrument's accruals of {@code kind} in {@code [from, to]}. */
    public void replaceAccruals(String instrumentId, PenaltyKind kind, LocalDate from, LocalDate to,
                                List<PenaltyAccrual> accruals) {
        writes.replace("penalty_accrual", "instrument_id", "kind = ? AND accrual_date BETWEEN ? AND ?", instrumentId, kind.name(), Date.valueOf(from), Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        for (PenaltyAccrual a : accruals) {
            if (a.instrumentId().equals(instrumentId) && a.kind() == kind
                    && !a.date().isBefore(from) && !a.date().isAfter(to)) {
                rows.add(new Object[] {a.instrumentId(), a.holder(), a.date(), a.kind().name(),
                        a.baseAmount(), a.rate(), a.amount(), a.clause(), a.explanation()});
            }
        }
        writes.insert("penalty_accrual", List.of("instrument_id", "holder", "accrual_date", "kind", "base_amount", "rate", "amount", "clause", "explanation"), rows,
                null);
    }

    /** Replaces the instrument's balance of {@code kind} as of {@code asOf}. */
    public void replaceBalance(String instrumentId, PenaltyKind kind, LocalDate asOf, List<PenaltyStatement.Month> months) {
        writes.replace("penalty_balance", "instrument_id", "kind = ? AND as_of_date = ?", instrumentId, kind.name(), Date.valueOf(asOf));
        List<Object[]> rows = new ArrayList<>();
        for (PenaltyStatement.Month m : months) {
            rows.add(new Object[] {m.instrumentId(), m.kind().name(), Date.valueOf(m.month().atDay(1)), Date.valueOf(asOf),
                    m.holder(), m.accrued(), m.due(), m.paid(), m.outstanding()});
        }
        writes.insert("penalty_balance", List.of("instrument_id", "kind", "accrual_month", "as_of_date", "holder", "accrued", "amount_due", "amount_paid", "outstanding"), rows,
                null);
    }
}
