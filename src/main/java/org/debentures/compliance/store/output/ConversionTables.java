package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.rules.conversion.ConditionState;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.conversion.Readiness;
import org.debentures.compliance.rules.conversion.VwapTestDay;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.terms.VwapTestReading;
import org.debentures.compliance.store.WriteBatch;

/** SQL of {@code vwap_test}, {@code conversion_price_history} and the readiness tables. */
public final class ConversionTables {

    private final WriteBatch writes;

    public ConversionTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the instrument's {@code vwap_test} rows in {@code [from, to]}. */
    public void replaceVwapTest(String instrumentId, LocalDate from, LocalDate to, VwapTestReading reading,
                                List<VwapTestDay> days) {
        writes.replace("vwap_test", "instrument_id", "trade_date BETWEEN ? AND ?", instrumentId,
                Date.valueOf(from), Date.valueOf(to));
        List<Object[]> rows = new ArrayList<>();
        for (VwapTestDay d : days) {
            if (d.tradeDate().isBefore(from) || d.tradeDate().isAfter(to)) {
                continue;
            }
            rows.add(new Object[] {instrumentId, d.tradeDate(), d.vwap(), d.threshold(), d.above(),
                    d.windowCount(), d.met(), d.conversionPrice(), reading.name(), d.thresholdPercentOf(),
                    d.thresholdExcessOver(), d.marginPercentOf(), d.marginExcessOver(),
                    d.windowStart(), d.windowHasGap()});
        }
        writes.insert("vwap_test", List.of("instrument_id", "trade_date", "vwap", "threshold", "above", "window_count", "met",
                "conversion_price", "reading", "threshold_percent_of", "threshold_excess_over", "margin_percent_of",
                "margin_excess_over", "window_start", "window_has_gap"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.DECIMAL, Types.BOOLEAN, Types.INTEGER,
                        Types.BOOLEAN, Types.DECIMAL, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL,
                        Types.DECIMAL, Types.DATE, Types.BOOLEAN});
    }

    /** Replaces the instrument's price changes effective on or before {@code asOf}. */
    public void replacePriceHistory(ConversionPriceHistory history, LocalDate asOf) {
        writes.replace("conversion_price_history", "instrument_id", "effective_date <= ?", history.instrumentId(), Date.valueOf(asOf));
        List<Object[]> rows = new ArrayList<>();
        for (ConversionPriceHistory.Change c : history.changes()) {
            if (!c.effectiveDate().isAfter(asOf)) {
                rows.add(new Object[] {history.instrumentId(), Date.valueOf(c.effectiveDate()),
                        c.adjustment().clause().clause(), c.adjustment().describe(), Rounding.reportedConversionPrice(c.price()),
                        Rounding.reportedConversionPrice(c.shareCountPrice())});
            }
        }
        writes.insert("conversion_price_history", List.of("instrument_id", "effective_date", "clause", "event", "conversion_price", "vwap_test_price"), rows,
                null);
    }

    /** Replaces the instrument's readiness as of {@code readiness.asOf()}. */
    public void replaceReadiness(Readiness readiness, long runId) {
        Date asOf = Date.valueOf(readiness.asOf());
        writes.replace("conversion_readiness_condition", "instrument_id", "as_of_date = ?", readiness.instrumentId(), asOf);
        writes.replace("conversion_readiness", "instrument_id", "as_of_date = ?", readiness.instrumentId(), asOf);
        writes.insert("conversion_readiness", List.of("instrument_id", "as_of_date", "checked_conditions_met", "notice_date",
                "earliest_conversion_date", "run_id"), List.<Object[]>of(new Object[] {readiness.instrumentId(), asOf,
                readiness.checkedConditionsMet(), Date.valueOf(readiness.noticeDate()),
                Date.valueOf(readiness.earliestConversionDate()), runId}),
                new int[] {Types.VARCHAR, Types.DATE, Types.BOOLEAN, Types.DATE, Types.DATE, Types.BIGINT});
        List<Object[]> rows = new ArrayList<>();
        for (ConditionState c : readiness.conditions()) {
            rows.add(new Object[] {readiness.instrumentId(), asOf, c.condition(), c.description(), c.state().name(),
                    c.since() == null ? null : Date.valueOf(c.since()), truncate(c.evidence())});
        }
        writes.insert("conversion_readiness_condition", List.of("instrument_id", "as_of_date", "condition_id", "description", "state", "met_since", "evidence"), rows,
                new int[] {Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR});
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1990) + " ...";
    }
}
