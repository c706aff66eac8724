package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.terms.DealBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs every rule of the range in one step, and so in one database transaction: the Market Prices
 * (per symbol), registration defaults (per agreement), interest ledgers (per instrument), Mandatory
 * Redemption Prices, Mandatory Conversion (per instrument) and upcoming deadlines. Readers of the
 * reporting database see the range's previous results until the transaction commits, then all the
 * new ones together: never a half-written range. A run killed here rolls back and, started again,
 * runs the step from its beginning. Each rule is a processor (loads inputs, calls the domain) and a
 * writer (replaces the range's rows), as in a chunk step.
 */
public class ComputeResultsTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeResultsTasklet.class);

    private final JdbcTemplate jdbc;
    private final IntakeTables intake;
    private final OutputTables outputs;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;
    private final int horizonDays;

    public ComputeResultsTasklet(JdbcTemplate jdbc, IntakeTables intake, OutputTables outputs, DealBook deals,
                                 LocalDate from, LocalDate to, int horizonDays) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.outputs = outputs;
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.horizonDays = horizonDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getId();
        List<String> symbols = List.copyOf(deals.symbols());
        List<AgreementRef> agreements = new ArrayList<>();
        List<InstrumentRef> instruments = new ArrayList<>();
        deals.deals().forEach(deal -> {
            deal.registrationAgreements().forEach(a -> agreements.add(new AgreementRef(deal.id(), a.id())));
            deal.instruments().forEach(i -> instruments.add(new InstrumentRef(deal.id(), i.id())));
        });
        long written = 0;
        written += stage("Market Prices", symbols, new SymbolMarketProcessor(intake, deals, from, to)::process,
                new SymbolMarketWriter(outputs, from, to, runId));
        written += stage("registration defaults", agreements, new RegistrationDefaultsProcessor(intake, deals, to)::process,
                new RegistrationDefaultsWriter(new PenaltyTables(jdbc), outputs, from, to, runId));
        written += stage("interest ledgers", instruments, new InterestLedgerProcessor(intake, deals, to)::process,
                new InterestLedgerWriter(new InterestTables(jdbc), new PenaltyTables(jdbc), outputs, from, to, runId));
        new RedemptionPriceTasklet(jdbc, intake, deals, from, to).execute(contribution, chunkContext);
        LOG.info("computed Mandatory Redemption Prices");
        written += stage("mandatory conversion", instruments,
                new InstrumentConversionProcessor(intake, new ExceptionQueries(jdbc), deals, to)::process,
                new InstrumentConversionWriter(new ConversionTables(jdbc), outputs, from, to, runId));
        new DeadlinesTasklet(jdbc, intake, deals, to, horizonDays).execute(contribution, chunkContext);
        LOG.info("computed upcoming deadlines");
        contribution.incrementWriteCount(written);
        return RepeatStatus.FINISHED;
    }

    /** Something that computes one item's output. */
    @FunctionalInterface
    private interface Rule<I, O> {
        O process(I item) throws Exception;
    }

    private <I, O> int stage(String name, List<I> items, Rule<I, O> rule,
                             org.springframework.batch.infrastructure.item.ItemWriter<O> writer) throws Exception {
        int done = 0;
        for (I item : items) {
            writer.write(Chunk.of(rule.process(item)));
            done++;
            if (done == items.size() || done % 50 == 0) {
                LOG.info("computed {}: {} of {}", name, done, items.size());
            }
        }
        return done;
    }

}
