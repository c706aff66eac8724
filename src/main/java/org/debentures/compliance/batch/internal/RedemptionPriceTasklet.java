package org.debentures.compliance.batch.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.debentures.compliance.conversion.ConversionPriceHistory;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.redemption.MandatoryRedemptionPrice;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For each day of the range on which an Event of Default continues for an instrument (any clause,
 * as the registration and interest steps of this run stored them), the Mandatory Redemption Price
 * of Debenture 6(b) ({@link MandatoryRedemptionPrice}) from that day's principal and accrued unpaid
 * interest ({@code interest_accrual}), Conversion Price and Market Price.
 */
public class RedemptionPriceTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final IntakeTables intake;
    private final ExceptionQueries exceptions;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;

    public RedemptionPriceTasklet(JdbcTemplate jdbc, IntakeTables intake, DealBook deals, LocalDate from, LocalDate to) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.exceptions = new ExceptionQueries(jdbc);
        this.deals = deals;
        this.from = from;
        this.to = to;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        for (DealTerms deal : deals.deals()) {
            for (Instrument instrument : deal.instruments()) {
                write(deal, instrument);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private void write(DealTerms deal, Instrument instrument) {
        TreeMap<LocalDate, TreeSet<String>> clausesByDay = new TreeMap<>();
        for (Finding eod : exceptions.eventsOfDefault(instrument.id())) {
            LocalDate last = eod.endDate() == null || eod.endDate().isAfter(to) ? to : eod.endDate();
            for (LocalDate d = eod.startDate().isBefore(from) ? from : eod.startDate(); !d.isAfter(last); d = d.plusDays(1)) {
                clausesByDay.computeIfAbsent(d, k -> new TreeSet<>()).add(eod.clause());
            }
        }
        jdbc.update("DELETE FROM mandatory_redemption_price WHERE instrument_id = ? AND price_date BETWEEN ? AND ?",
                instrument.id(), Date.valueOf(from), Date.valueOf(to));
        if (clausesByDay.isEmpty()) {
            return;
        }
        ConversionPriceHistory prices = InterestLedgerProcessor.priceHistory(intake, deal, instrument, to);
        Map<LocalDate, BigDecimal[]> ledger = new TreeMap<>();
        jdbc.query("SELECT accrual_date, principal, accrued_unpaid_interest FROM interest_accrual WHERE instrument_id = ?"
                + " AND accrual_date BETWEEN ? AND ?", rs -> {
                    ledger.put(rs.getDate(1).toLocalDate(), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                }, instrument.id(), Date.valueOf(clausesByDay.firstKey()), Date.valueOf(clausesByDay.lastKey()));
        Map<LocalDate, BigDecimal> marketPrices = new TreeMap<>();
        jdbc.query("SELECT price_date, market_price FROM market_price WHERE symbol = ? AND price_date BETWEEN ? AND ?",
                rs -> {
                    marketPrices.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                }, deal.symbol(), Date.valueOf(clausesByDay.firstKey()), Date.valueOf(clausesByDay.lastKey()));
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, TreeSet<String>> day : clausesByDay.entrySet()) {
            BigDecimal[] owed = ledger.get(day.getKey());
            if (owed == null || owed[0].add(owed[1]).signum() <= 0) {
                continue; // nothing outstanding that day: nothing to redeem
            }
            MandatoryRedemptionPrice mrp = MandatoryRedemptionPrice.of(day.getKey(), owed[0], owed[1],
                    prices.priceOn(day.getKey()), marketPrices.get(day.getKey()), deal.eventOfDefault().redemptionPremium());
            rows.add(new Object[] {instrument.id(), Date.valueOf(day.getKey()), String.join("; ", day.getValue()),
                    mrp.principal(), mrp.accruedInterest(), Rounding.reportedConversionPrice(mrp.conversionPrice()),
                    mrp.marketPrice(), mrp.premiumValue(), mrp.conversionValue(), mrp.price()});
        }
        jdbc.batchUpdate("INSERT INTO mandatory_redemption_price (instrument_id, price_date, clauses, principal,"
                + " accrued_interest, conversion_price, market_price, premium_value, conversion_value, redemption_price)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", rows, new int[] {java.sql.Types.VARCHAR, java.sql.Types.DATE,
                java.sql.Types.VARCHAR, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL,
                java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL, java.sql.Types.DECIMAL});
    }
}
