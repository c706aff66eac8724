package org.debentures.compliance.job.results;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.debentures.compliance.terms.DealBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.WriteBatch;
import org.debentures.compliance.store.intake.IntakeFacts;
import org.debentures.compliance.store.output.OutputTables;

/**
 * Runs every rule of the range in one step, and so in one database transaction: the Market Prices
 * (per symbol), registration defaults (per agreement), interest ledgers (per instrument), Mandatory
 * Redemption Prices, Mandatory Conversion (per instrument) and upcoming deadlines. Readers of the
 * reporting database see the range's previous results until the transaction commits, then all the
 * new ones together: never a half-written range. A run killed here rolls back and, started again,
 * runs the step from its beginning.
 *
 * <p>The unit of work is a symbol with the deals on it ({@link SymbolDealsProcessor}): its facts
 * read once, then the business steps of {@link org.debentures.compliance.rules.RuleBook} in their
 * order, each with the results (and Events of Default) of the steps before it. Symbols share no inputs or output rows, so they are computed on
 * a pool of worker threads (one per core, so both cores of the machine work), a few symbols ahead of
 * the writer, which writes them in order in the step's transaction ({@link SymbolResultsWriter}). A symbol's prices are read once for all its rules; only small summaries
 * (deadline inputs) are kept between symbols, never a whole history in memory.
 */
public class ComputeResultsTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeResultsTasklet.class);
    private static final int AHEAD = 8;
    /** Queued rows (and statements) that make the writer send them: bounds the memory they hold. */
    private static final int FLUSH_ROWS = 60_000;
    /** Rows (and statements) of one table that are sent when the queue is full; a table with fewer waits. */
    private static final int TABLE_ROWS = 4_000;

    private final JdbcTemplate jdbc;
    private final IntakeFacts intake;
    private final DealBook deals;
    private final LocalDate from;
    private final LocalDate to;
    private final int horizonDays;
    private final int threads;

    public ComputeResultsTasklet(JdbcTemplate jdbc, IntakeFacts intake, DealBook deals,
                                 LocalDate from, LocalDate to, int horizonDays) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.horizonDays = horizonDays;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getId();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compute");
            t.setDaemon(true);
            return t;
        });
        long written = 0;
        WriteBatch writes = new WriteBatch(jdbc);
        OutputTables outputs = new OutputTables(jdbc, writes);
        // the large tables, each key (symbol or instrument) written once per run
        writes.skipDeletesWhileEmpty(List.of("market_price", "vwap_test", "interest_accrual", "mandatory_redemption_price"));
        try {
            outputs.preloadFindings();
            SymbolDealsProcessor processor = new SymbolDealsProcessor(intake, deals, from, to, horizonDays);
            SymbolResultsWriter writer = new SymbolResultsWriter(writes, outputs, from, to, runId);
            written += stage(pool, writes, "the deals' rules by symbol", List.copyOf(deals.symbols()), processor::process,
                    writer);
            LOG.info("Market Prices of {} symbols took {} ms of worker time (reading the prices included) and {} ms"
                    + " of the writer's, queuing their rows (sent with the other rules' rows)", deals.symbols().size(), processor.marketNanos() / 1_000_000,
                    writer.marketNanos() / 1_000_000);
            LOG.info("business steps, worker time summed over symbols: {}", processor.stepMillis());
            LOG.info("writes sent, per table: {}", writes.sendTimes());
        } finally {
            pool.shutdownNow();
        }
        contribution.incrementWriteCount(written);
        return RepeatStatus.FINISHED;
    }

    /** Something that computes one item's output. */
    @FunctionalInterface
    private interface Rule<I, O> {
        O process(I item) throws Exception;
    }

    /**
     * Computes the items on the pool, at most {@link #AHEAD} ahead of the writer, and writes their
     * outputs in item order on this (the transaction's) thread: queued in {@code writes}, sent every
     * table by table when {@link #FLUSH_ROWS} rows are queued (the tables with {@link #TABLE_ROWS}, all
     * of them when that leaves too many), and all at the end of the stage.
     */
    private <I, O> int stage(ExecutorService pool, WriteBatch writes, String name, List<I> items, Rule<I, O> rule,
                             ItemWriter<O> writer) throws Exception {
        long started = System.nanoTime();
        Deque<Future<O>> inFlight = new ArrayDeque<>();
        int next = 0;
        int done = 0;
        long waiting = 0; // this thread waiting for the workers
        long writing = 0; // this thread writing
        while (done < items.size()) {
            while (next < items.size() && inFlight.size() < AHEAD) {
                I item = items.get(next++);
                inFlight.add(pool.submit(() -> rule.process(item)));
            }
            O out;
            long waitStart = System.nanoTime();
            try {
                out = inFlight.poll().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            long writeStart = System.nanoTime();
            waiting += writeStart - waitStart;
            writer.write(Chunk.of(out));
            done++;
            if (done == items.size()) {
                writes.flush();
            } else if (writes.pending() >= FLUSH_ROWS) {
                // the large tables now; a small table's rows wait until it has many (fewer statements)
                writes.sendLargeTables(TABLE_ROWS);
                if (writes.pending() >= FLUSH_ROWS) {
                    writes.flush();
                }
            }
            writing += System.nanoTime() - writeStart;
            if (done == items.size() || done % 100 == 0) {
                LOG.info("computed {}: {} of {}", name, done, items.size());
            }
        }
        LOG.info("stage {} took {} ms (writer: {} ms writing, {} ms waiting for the workers)", name,
                (System.nanoTime() - started) / 1_000_000, writing / 1_000_000, waiting / 1_000_000);
        return done;
    }
}
