package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/**
 * {@code mandatory_redemption} (SPEC §14; {@code db/migration/common/V22__mandatory_redemption.sql}): one row per
 * notice, as of the run's last day; a run replaces the instrument's rows of the notices dated in its range (SPEC §10).
 */
public final class RedemptionTables {

    private static final Columns<MandatoryRedemption.Notice> NOTICE = Columns.<MandatoryRedemption.Notice>of(
                    "mandatory_redemption")
            .column("instrument_id", Types.VARCHAR, MandatoryRedemption.Notice::instrumentId)
            .column("notice_date", Types.DATE, n -> Date.valueOf(n.noticeDate()))
            .column("reference", Types.VARCHAR, MandatoryRedemption.Notice::reference)
            .column("redemption_date", Types.DATE, n -> Date.valueOf(n.redemptionDate()))
            .column("principal", Types.DECIMAL, MandatoryRedemption.Notice::principal)
            .column("interest", Types.DECIMAL, MandatoryRedemption.Notice::interest)
            .column("conversion_price", Types.DECIMAL, MandatoryRedemption.Notice::conversionPrice)
            .column("market_price", Types.DECIMAL, MandatoryRedemption.Notice::marketPrice)
            .column("price", Types.DECIMAL, MandatoryRedemption.Notice::price)
            .column("pay_by", Types.DATE, n -> n.payBy() == null ? null : Date.valueOf(n.payBy()))
            .column("paid_date", Types.DATE, n -> n.paidDate() == null ? null : Date.valueOf(n.paidDate()))
            .column("late_interest", Types.DECIMAL, MandatoryRedemption.Notice::lateInterest)
            .column("status", Types.VARCHAR, MandatoryRedemption.Notice::status)
            .column("note", Types.VARCHAR, n -> n.note() == null ? null
                    : n.note().length() <= 2000 ? n.note() : n.note().substring(0, 1990) + " ...");

    private final WriteBatch writes;

    public RedemptionTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the instrument's notices dated in {@code [from, to]}. */
    public void replace(String instrumentId, LocalDate from, LocalDate to, List<MandatoryRedemption.Notice> notices) {
        writes.replace("mandatory_redemption", "instrument_id", "notice_date BETWEEN ? AND ?", instrumentId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(NOTICE, notices.stream().filter(n -> !n.noticeDate().isBefore(from) && !n.noticeDate().isAfter(to))
                .toList());
    }
}
