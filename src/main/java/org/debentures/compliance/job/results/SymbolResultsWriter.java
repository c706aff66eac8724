package org.debentures.compliance.job.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.debentures.compliance.rules.conversion.ConversionStep;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.interest.InterestFindings;
import org.debentures.compliance.rules.interest.InterestStep;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.rules.registration.RegistrationFindings;
import org.debentures.compliance.rules.registration.RegistrationStep;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.terms.Instrument;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.findings.ExceptionLifecycle;
import org.debentures.compliance.store.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.output.ConversionTables;
import org.debentures.compliance.store.output.CovenantTables;
import org.debentures.compliance.store.output.CoverageTables;
import org.debentures.compliance.store.output.RedemptionTables;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;
import org.debentures.compliance.store.output.DeadlineTables;
import org.debentures.compliance.rules.covenants.CovenantStep;
import org.debentures.compliance.store.output.InterestTables;
import org.debentures.compliance.store.output.OutputTables;
import org.debentures.compliance.store.output.PenaltyTables;

/**
 * Writes what the business steps worked out for one symbol ({@link SymbolResults}), step by step,
 * replacing the range's rows of each table: Market Prices and price exceptions; registration default
 * days, accruals, balances and exceptions; interest ledgers, conversions, Conversion Default
 * accruals and balances, their exceptions and the Mandatory Redemption Prices; VWAP tests, price
 * histories and readiness; upcoming deadlines. Each exception code is written by the step that
 * finds it ({@code EVENT_OF_DEFAULT} per clause).
 *
 * <p>One writer per partition of the results step; each chunk's rows go in the chunk's transaction,
 * under the run's generation, invisible to readers until the generation is published.
 */
public class SymbolResultsWriter implements ItemWriter<SymbolResults> {

    private static final EnumSet<ExceptionCode> MARKET_CODES = EnumSet.of(ExceptionCode.MARKET_PRICE_UNAVAILABLE,
            ExceptionCode.PRICE_MISSING, ExceptionCode.PRICE_RESTATED);
    private static final EnumSet<ExceptionCode> AGREEMENT_CODES = EnumSet.of(ExceptionCode.FILING_LATE,
            ExceptionCode.EFFECTIVENESS_LATE, ExceptionCode.SALES_UNAVAILABLE, ExceptionCode.ALLOWED_DELAY_EXCEEDED,
            ExceptionCode.COVERAGE_AMENDMENT_LATE, ExceptionCode.REGISTRATION_UNDERSIZED, ExceptionCode.COVERAGE_SHORTFALL);
    /** The instrument's codes other than {@code EVENT_OF_DEFAULT}: the interest step's, and the waivers' {@code WAIVER_PENDING}. */
    private static final EnumSet<ExceptionCode> INTEREST_CODES = codes(InterestFindings.CODES, ExceptionCode.WAIVER_PENDING,
            ExceptionCode.REDEMPTION_NOTICE_INVALID, ExceptionCode.REDEMPTION_PAYMENT_LATE);

    private static EnumSet<ExceptionCode> codes(java.util.Collection<ExceptionCode> some, ExceptionCode... more) {
        EnumSet<ExceptionCode> all = EnumSet.copyOf(some);
        all.addAll(List.of(more));
        return all;
    }
    /** The symbol's codes of SPEC §12 and §15: the covenants' and 4(d)'s. */
    private static final EnumSet<ExceptionCode> COVENANT_CODES = EnumSet.of(ExceptionCode.EBITDA_NOT_REPORTED,
            ExceptionCode.EBITDA_CERTIFICATE_LATE, ExceptionCode.DISTRIBUTION_NOTICE_LATE,
            ExceptionCode.ADJUSTMENT_NOT_COMPUTABLE);
    private static final EnumSet<ExceptionCode> CONVERSION_CODES = EnumSet.of(ExceptionCode.VWAP_TEST_MET,
            ExceptionCode.VWAP_TEST_NEAR, ExceptionCode.ADJUSTMENT_NOT_COMPUTABLE, ExceptionCode.OWNERSHIP_CAP_EXCEEDED,
            ExceptionCode.MANDATORY_CONVERSION_INVALID);

    private final JdbcTemplate jdbc;
    private final long generation;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;
    private final WriteBatch.SendTimes sendTimes = new WriteBatch.SendTimes();
    /** Read at the first chunk: tables with no row of an earlier generation, and the published exceptions. */
    private Set<String> nothingOlder;
    private Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns;
    // the tables of the chunk being written
    private OutputTables outputs;
    private PenaltyTables penalties;
    private InterestTables interest;
    private ConversionTables conversion;
    private DeadlineTables deadlines;
    private CovenantTables covenants;
    private RedemptionTables redemptions;
    private CoverageTables coverage;
    private long marketNanos;

    /** What the writers of a run's partitions read once for all of them. */
    public interface RunShared {
        /** The published exception runs by subject. */
        Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns(long jobExecutionId, JdbcTemplate jdbc);

        /**
         * The output tables where a replacement of the run over {@code [from, to]} can match no row of
         * a generation before {@code generation}.
         */
        Set<String> nothingOlder(long jobExecutionId, JdbcTemplate jdbc, long generation, LocalDate from, LocalDate to);
    }

    private final RunShared shared;

    /**
     * @param generation the run generation the rows are written under
     * @param runId the run (job execution) named in the exceptions' lifecycle columns
     * @param shared what the run's partitions read once
     */
    public SymbolResultsWriter(JdbcTemplate jdbc, long generation, LocalDate from, LocalDate to, long runId,
                               RunShared shared) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.from = from;
        this.to = to;
        this.runId = runId;
        this.shared = shared;
    }

    /** Time spent so far queuing Market Price rows and exceptions (sent with the other rules' rows). */
    public long marketNanos() {
        return marketNanos;
    }

    /** Time spent so far sending each table's writes. */
    public WriteBatch.SendTimes sendTimes() {
        return sendTimes;
    }

    /** Writes the results of a chunk of symbol groups (one group a chunk in the worker step). */
    public void writeGroups(Chunk<? extends List<SymbolResults>> groups) {
        List<SymbolResults> all = new ArrayList<>();
        groups.forEach(all::addAll);
        write(new Chunk<>(all));
    }

    /** Queues the chunk's rows of every table, then sends them, in the chunk's transaction. */
    @Override
    public void write(Chunk<? extends SymbolResults> chunk) {
        if (publishedRuns == null) {
            nothingOlder = shared.nothingOlder(runId, jdbc, generation, from, to);
            publishedRuns = shared.publishedRuns(runId, jdbc);
        }
        WriteBatch writes = new WriteBatch(jdbc, generation, nothingOlder, sendTimes);
        outputs = OutputTables.over(jdbc, writes, publishedRuns);
        penalties = new PenaltyTables(writes);
        interest = new InterestTables(writes);
        conversion = new ConversionTables(writes);
        deadlines = new DeadlineTables(writes);
        covenants = new CovenantTables(writes);
        redemptions = new RedemptionTables(writes);
        coverage = new CoverageTables(writes);
        for (SymbolResults results : chunk) {
            long started = System.nanoTime();
            writeMarket(results.market());
            marketNanos += System.nanoTime() - started;
            results.registrations().forEach(this::writeRegistration);
            results.interest().forEach(r -> writeInterest(r, results));
            writeCovenants(results);
            results.conversions().forEach(c -> writeConversion(c, results));
            results.deadlines().forEach((dealId, upcoming) -> deadlines.replace(dealId, to, upcoming));
        }
        writes.flush();
    }

    private void writeMarket(MarketPriceStep.Result market) {
        outputs.replaceMarketPrices(market.symbol(), from, to, market.report().marketPrices());
        List<Finding> findings = new ArrayList<>(market.report().findings());
        findings.addAll(market.restatements());
        outputs.replaceFindings(market.symbol(), MARKET_CODES, from, to, findings, runId);
    }

    private void writeRegistration(RegistrationStep.Result out) {
        penalties.replaceDefaultDays(out.agreement().id(), from, to, out.defaults().days(),
                out.deal().switches().penaltyPeriodCounting().name());
        outputs.replaceFindings(out.agreement().id(), AGREEMENT_CODES, from, to, out.agreementFindings(), runId);
        coverage.replace(out.agreement().id(), from, to,
                out.coverage().map(c -> c.days(from, to)).orElse(List.of()));
        for (Instrument instrument : out.instruments()) {
            penalties.replaceAccruals(instrument.id(), PenaltyKind.REGISTRATION_DEFAULT, from, to, out.accruals());
            penalties.replaceBalance(instrument.id(), PenaltyKind.REGISTRATION_DEFAULT, to, out.balances().get(instrument.id()));
        }
    }

    private void writeInterest(InterestStep.Result out, SymbolResults results) {
        String id = out.instrument().id();
        interest.replaceAccruals(id, from, to, out.ledger().days());
        interest.replaceDues(id, from, to, out.ledger().dues());
        interest.replaceDefaultInterestMonths(id, from, to, out.ledger().months());
        interest.replaceDeliveries(id, to, out.conversions().deliveries());
        penalties.replaceAccruals(id, PenaltyKind.CONVERSION_DEFAULT, from, to, out.conversions().accruals());
        penalties.replaceBalance(id, PenaltyKind.CONVERSION_DEFAULT, to, out.conversionDefaultBalance());
        List<Finding> instrumentFindings = new ArrayList<>(out.findings().stream()
                .filter(f -> f.code() != ExceptionCode.EVENT_OF_DEFAULT).toList());
        instrumentFindings.addAll(results.waiverPending(id));
        MandatoryRedemption.Result redemption = results.mandatoryRedemptions().get(id);
        if (redemption != null) {
            instrumentFindings.addAll(redemption.findings());
        }
        redemptions.replace(id, from, to, redemption == null ? List.of() : redemption.notices());
        penalties.replaceAccruals(id, PenaltyKind.REDEMPTION_LATE_INTEREST, from, to,
                redemption == null ? List.of() : redemption.accruals());
        outputs.replaceFindings(id, INTEREST_CODES, from, to, instrumentFindings, runId);
        // every clause's Events of Default of the instrument, as the steps found them (merged per clause)
        outputs.replaceFindings(id, EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), from, to,
                results.eventsOfDefault().runs(id, to), runId);
        interest.replaceRedemptionPrices(id, from, to, results.redemptionPrices().get(id),
                results.eventsOfDefault().of(id));
    }

    private void writeCovenants(SymbolResults results) {
        for (CovenantStep.Result out : results.covenants()) {
            covenants.replace(out.deal().id(), from, to, out.tests());
        }
        List<Finding> symbolFindings = new ArrayList<>(results.covenantFindings());
        symbolFindings.addAll(results.distributionFindings());
        symbolFindings.addAll(results.symbolAdjustmentFindings());
        outputs.replaceFindings(results.symbol(), COVENANT_CODES, from, to, symbolFindings, runId);
    }

    private void writeConversion(ConversionStep.Result out, SymbolResults results) {
        conversion.replaceVwapTest(out.instrument().id(), from, to, out.deal().switches().vwapTestReading(), out.vwapTest());
        conversion.replacePriceHistory(out.history(), to);
        List<Finding> findings = new ArrayList<>(out.findings());
        findings.addAll(results.instrumentAdjustmentFindings(out.instrument().id()));
        outputs.replaceFindings(out.instrument().id(), CONVERSION_CODES, from, to, findings, runId);
        conversion.replaceReadiness(out.readiness(), runId);
    }
}
