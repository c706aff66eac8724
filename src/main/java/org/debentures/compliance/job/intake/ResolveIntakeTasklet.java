package org.debentures.compliance.job.intake;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.debentures.compliance.intake.FilingLogResolution;
import org.debentures.compliance.intake.PriceRowResolution;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.debentures.compliance.store.intake.RestatementTable;
import org.debentures.compliance.store.intake.StagedFilingTable;
import org.debentures.compliance.store.intake.StagedPriceTable;

/**
 * Applies the SPEC §2 rules that need more than one row: price duplicates, ambiguous values and
 * vendor corrections ({@link PriceRowResolution}, on the rows that share a feed, symbol and date), filings duplicates and
 * interval/conversion rules ({@link FilingLogResolution}). Rows found bad are moved to
 * {@code input_reject} with their reason.
 */
public class ResolveIntakeTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResolveIntakeTasklet.class);

    private final StagedPriceTable prices;
    private final RestatementTable restatements;
    private final StagedFilingTable filings;
    private final DealBook deals;
    private final java.nio.file.Path dataDir;

    public ResolveIntakeTasklet(StagedPriceTable prices, RestatementTable restatements, StagedFilingTable filings,
                                DealBook deals, java.nio.file.Path dataDir) {
        this.prices = prices;
        this.restatements = restatements;
        this.filings = filings;
        this.deals = deals;
        this.dataDir = dataDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        // the feeds read in full: their repeated keys found together, in one pass over the staged rows
        java.util.Map<PriceFeed, java.util.List<StagedPriceTable.PriceKey>> repeated =
                java.util.Arrays.stream(PriceFeed.values()).anyMatch(f -> IntakePlan.firstReadFileOrder(jobContext, f) == null)
                        ? prices.repeatedPriceKeys() : null;
        for (PriceFeed feed : PriceFeed.values()) {
            // incremental: only the keys the newly read files touch; otherwise every key
            Integer fromFileOrder = IntakePlan.firstReadFileOrder(jobContext, feed);
            java.util.List<String> readFiles = null;
            if (fromFileOrder != null) {
                java.util.List<java.nio.file.Path> files = InputFiles.csvFiles(dataDir, feed.folder());
                readFiles = files.subList(Math.min(fromFileOrder, files.size()), files.size()).stream()
                        .map(f -> InputFiles.displayName(dataDir, f)).toList();
            }
            java.util.List<org.debentures.compliance.intake.Sourced<org.debentures.compliance.intake.PriceRow>> shared =
                    prices.stagedPricesSharingADate(feed, readFiles, repeated);
            if (fromFileOrder != null && shared.stream().anyMatch(r -> r.ref().fileOrder() < fromFileOrder)) {
                IntakePlan.putRecountKept(jobContext, feed); // rows of kept files may have changed status
            }
            PriceRowResolution.Result result = PriceRowResolution.resolve(shared);
            prices.applyOutcomes(feed, result.outcomes());
            restatements.write(result.restatements());
            LOG.info("resolved {} duplicates and corrections: {} rows share a symbol and date{}", feed, shared.size(),
                    fromFileOrder == null ? "" : " with a row of the files read by this run");
        }
        Map<String, BigDecimal> principals = new HashMap<>();
        deals.deals().forEach(deal -> deal.instruments().forEach(i -> principals.put(i.id(), i.principal())));
        filings.applyOutcomes(FilingLogResolution.resolve(filings.stagedFilings(), principals));
        LOG.info("resolved the filings log");
        return RepeatStatus.FINISHED;
    }
}
