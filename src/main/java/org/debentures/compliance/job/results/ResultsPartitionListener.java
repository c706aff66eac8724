package org.debentures.compliance.job.results;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.debentures.compliance.rules.SymbolResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of one partition of the results step: a line per committed chunk (the partition's
 * symbols done, and the run's over every partition), and at the partition's end where its time went.
 */
public class ResultsPartitionListener implements StepExecutionListener, ChunkListener<List<String>, List<SymbolResults>> {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsPartitionListener.class);

    private final SymbolDealsProcessor processor;
    private final SymbolResultsWriter writer;
    private final int partitionSymbols;
    private final int runSymbols;
    private final int groupSize;
    private final RunProgress runDone;
    private StepExecution step;
    private long started;
    /** The partition's symbols done: those of an earlier attempt (a restart) and this one's. */
    private int partitionDone;

    /**
     * @param runDone symbols done over every partition of the run (shared by the partitions' listeners)
     */
    public ResultsPartitionListener(SymbolDealsProcessor processor, SymbolResultsWriter writer, int partitionSymbols,
                                    int runSymbols, int groupSize, RunProgress runDone) {
        this.groupSize = groupSize;
        this.processor = processor;
        this.writer = writer;
        this.partitionSymbols = partitionSymbols;
        this.runSymbols = runSymbols;
        this.runDone = runDone;
    }

    /** Symbols done per run (job execution), over its partitions: one for the application. */
    public static final class RunProgress {
        private final Map<Long, AtomicInteger> done = new ConcurrentHashMap<>();

        int add(long jobExecutionId, int symbols) {
            return done.computeIfAbsent(jobExecutionId, k -> new AtomicInteger()).addAndGet(symbols);
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = System.nanoTime();
        // the reader's saved position: what an earlier attempt of this partition committed (the reader stores it with
        // putInt: read as a number, so that a restart after a committed chunk does not fail on its type)
        Object read = stepExecution.getExecutionContext().get("partitionSymbols.read.count");
        partitionDone = (int) Math.min(partitionSymbols, groupSize * (read instanceof Number n ? n.longValue() : 0L));
    }

    @Override
    public void afterChunk(Chunk<List<SymbolResults>> chunk) {
        int symbols = 0;
        for (List<SymbolResults> group : chunk) {
            symbols += group.size();
        }
        int done = runDone.add(step.getJobExecutionId(), symbols);
        partitionDone += symbols;
        LOG.info("computed the deals' rules by symbol: {} of {} in this run (partition {}: {} of {})", done, runSymbols,
                step.getStepName(), partitionDone, partitionSymbols);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        LOG.info("Market Prices of {} symbols took {} ms of worker time (reading the prices included; partition {})",
                partitionSymbols, processor.marketNanos() / 1_000_000, stepExecution.getStepName());
        LOG.info("partition {} ({} symbols) took {} ms; business steps, worker time: {}; Market Prices queued in {} ms;"
                        + " writes sent: {}", stepExecution.getStepName(), partitionSymbols,
                (System.nanoTime() - started) / 1_000_000, processor.stepMillis(), writer.marketNanos() / 1_000_000,
                writer.sendTimes());
        return null;
    }
}
