package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.conversion.ConditionState;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.conversion.Readiness;
import org.debentures.compliance.rules.conversion.VwapTestDay;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;
import org.debentures.compliance.rules.conversion.DilutiveIssuance;
import org.debentures.compliance.terms.VwapTestReading;

/** SQL of {@code vwap_test}, {@code conversion_price_history} and the readiness tables. */
public final class ConversionTables {

    /** A counted Trading Day of an instrument's VWAP test, under the deal's reading. */
    private record VwapTestRow(String instrumentId, VwapTestDay day, VwapTestReading reading) {
    }

    private static final Columns<VwapTestRow> VWAP_TEST = Columns.<VwapTestRow>of("vwap_test")
            .column("instrument_id", Types.VARCHAR, VwapTestRow::instrumentId)
            .column("trade_date", Types.DATE, r -> r.day().tradeDate())
            .column("vwap", Types.DECIMAL, r -> r.day().vwap())
            .column("threshold", Types.DECIMAL, r -> r.day().threshold())
            .column("above", Types.BOOLEAN, r -> r.day().above())
            .column("window_count", Types.INTEGER, r -> r.day().windowCount())
            .column("met", Types.BOOLEAN, r -> r.day().met())
            .column("conversion_price", Types.DECIMAL, r -> r.day().conversionPrice())
            .column("reading", Types.VARCHAR, r -> r.reading().name())
            .column("threshold_percent_of", Types.DECIMAL, r -> r.day().thresholdPercentOf())
            .column("threshold_excess_over", Types.DECIMAL, r -> r.day().thresholdExcessOver())
            .column("margin_percent_of", Types.DECIMAL, r -> r.day().marginPercentOf())
            .column("margin_excess_over", Types.DECIMAL, r -> r.day().marginExcessOver())
            .column("window_start", Types.DATE, r -> r.day().windowStart())
            .column("window_has_gap", Types.BOOLEAN, r -> r.day().windowHasGap());

    /** A change of an instrument's Conversion Price. */
    private record PriceChangeRow(String instrumentId, ConversionPriceHistory.Change change) {
    }

    private static final Columns<PriceChangeRow> PRICE_HISTORY = Columns.<PriceChangeRow>of("conversion_price_history")
            .column("instrument_id", Types.VARCHAR, PriceChangeRow::instrumentId)
            .column("effective_date", Types.DATE, r -> Date.valueOf(r.change().effectiveDate()))
            .column("seq", Types.INTEGER, r -> r.change().seq())
            .column("clause", Types.VARCHAR, r -> r.change().applied().clause())
            .column("event", Types.VARCHAR, r -> truncate(r.change().adjustment().describe(), 200))
            .column("price_before", Types.DECIMAL, r -> Rounding.reportedConversionPrice(r.change().priceBefore()))
            .column("conversion_price", Types.DECIMAL, r -> Rounding.reportedConversionPrice(r.change().price()))
            .column("vwap_test_price", Types.DECIMAL, r -> Rounding.reportedConversionPrice(r.change().shareCountPrice()))
            .column("adjusted", Types.BOOLEAN, r -> r.change().applied().adjusted())
            .column("computable", Types.BOOLEAN, r -> r.change().applied().computable())
            .column("issuance_shares", Types.BIGINT, r -> issuance(r) == null ? null : issuance(r).issuance().shares())
            .column("issuance_price", Types.DECIMAL, r -> issuance(r) == null ? null
                    : Rounding.reportedConversionPrice(issuance(r).issuance().price()))
            .column("consideration", Types.DECIMAL, r -> issuance(r) == null ? null : Rounding.price(issuance(r).consideration()))
            .column("shares_outstanding", Types.BIGINT, r -> issuance(r) == null ? null : issuance(r).sharesOutstanding())
            .column("market_price", Types.DECIMAL, r -> issuance(r) == null ? null : issuance(r).marketPrice())
            .column("terms", Types.VARCHAR, r -> truncate(r.change().applied().terms(), 1000));

    private static DilutiveIssuance issuance(PriceChangeRow row) {
        return row.change().adjustment() instanceof DilutiveIssuance i ? i : null;
    }

    /** The readiness of an instrument, with the run that worked it out. */
    private record ReadinessRow(Readiness readiness, long runId) {
    }

    private static final Columns<ReadinessRow> READINESS = Columns.<ReadinessRow>of("conversion_readiness")
            .column("instrument_id", Types.VARCHAR, r -> r.readiness().instrumentId())
            .column("as_of_date", Types.DATE, r -> Date.valueOf(r.readiness().asOf()))
            .column("checked_conditions_met", Types.BOOLEAN, r -> r.readiness().checkedConditionsMet())
            .column("notice_date", Types.DATE, r -> Date.valueOf(r.readiness().noticeDate()))
            .column("earliest_conversion_date", Types.DATE, r -> Date.valueOf(r.readiness().earliestConversionDate()))
            .column("run_id", Types.BIGINT, ReadinessRow::runId);

    /** One condition of an instrument's readiness. */
    private record ConditionRow(Readiness readiness, ConditionState condition) {
    }

    private static final Columns<ConditionRow> CONDITION = Columns.<ConditionRow>of("conversion_readiness_condition")
            .column("instrument_id", Types.VARCHAR, r -> r.readiness().instrumentId())
            .column("as_of_date", Types.DATE, r -> Date.valueOf(r.readiness().asOf()))
            .column("condition_id", Types.VARCHAR, r -> r.condition().condition())
            .column("description", Types.VARCHAR, r -> r.condition().description())
            .column("state", Types.VARCHAR, r -> r.condition().state().name())
            .column("met_since", Types.DATE, r -> r.condition().since() == null ? null : Date.valueOf(r.condition().since()))
            .column("evidence", Types.VARCHAR, r -> truncate(r.condition().evidence()));

    private final WriteBatch writes;

    public ConversionTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the instrument's {@code vwap_test} rows in {@code [from, to]}. */
    public void replaceVwapTest(String instrumentId, LocalDate from, LocalDate to, VwapTestReading reading,
                                List<VwapTestDay> days) {
        writes.replace("vwap_test", "instrument_id", "trade_date BETWEEN ? AND ?", instrumentId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(VWAP_TEST, days.stream().filter(d -> !d.tradeDate().isBefore(from) && !d.tradeDate().isAfter(to))
                .map(d -> new VwapTestRow(instrumentId, d, reading)).toList());
    }

    /** Replaces the instrument's price changes effective on or before {@code asOf}. */
    public void replacePriceHistory(ConversionPriceHistory history, LocalDate asOf) {
        writes.replace("conversion_price_history", "instrument_id", "effective_date <= ?", history.instrumentId(),
                Date.valueOf(asOf));
        writes.insert(PRICE_HISTORY, history.changes().stream().filter(c -> !c.effectiveDate().isAfter(asOf))
                .map(c -> new PriceChangeRow(history.instrumentId(), c)).toList());
    }

    /** Replaces the instrument's readiness as of {@code readiness.asOf()}. */
    public void replaceReadiness(Readiness readiness, long runId) {
        Date asOf = Date.valueOf(readiness.asOf());
        writes.replace("conversion_readiness_condition", "instrument_id", "as_of_date = ?", readiness.instrumentId(), asOf);
        writes.replace("conversion_readiness", "instrument_id", "as_of_date = ?", readiness.instrumentId(), asOf);
        writes.insert(READINESS, List.of(new ReadinessRow(readiness, runId)));
        writes.insert(CONDITION, readiness.conditions().stream().map(c -> new ConditionRow(readiness, c)).toList());
    }

    private static String truncate(String text) {
        return truncate(text, 2000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 4) + " ...";
    }
}
