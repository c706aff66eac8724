package org.debentures.compliance.job.results;

import java.nio.file.Path;
import org.debentures.compliance.job.JobParameterNames;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Gives a partition back its symbols and generation when its execution context lost them. Spring
 * Batch's {@code SimpleStepExecutionSplitter} creates a partition's step execution and then saves its
 * context in a second call; a database lost between the two leaves a partition with an empty
 * context, and a restart reuses that context, which would run the partition with no symbol and leave
 * its rows out. The partitions are a pure function of the deal book, the run generation and the
 * grid size the manager step saved ({@link ResultsPartitioner}): this listener, the worker step's
 * first, recomputes the missing one by name before any of the step's beans reads its context.
 */
public final class PartitionContextRepair implements StepExecutionListener {

    /** The manager step's context key under which Spring Batch keeps the grid size of a run. */
    static final String GRID_SIZE = "SimpleStepExecutionSplitter.GRID_SIZE";

    /** The deal book of a data directory. */
    public interface Deals {
        DealBook of(Path dataDir);
    }

    private final Deals deals;
    private final String managerStep;

    public PartitionContextRepair(Deals deals, String managerStep) {
        this.deals = deals;
        this.managerStep = managerStep;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        if (context.containsKey(ResultsPartitioner.SYMBOLS)) {
            return;
        }
        String stepName = stepExecution.getStepName();
        String partition = stepName.substring(stepName.indexOf(':') + 1);
        JobExecution job = stepExecution.getJobExecution();
        long generation = ResultGenerationTasklets.generation(job);
        int gridSize = job.getStepExecutions().stream().filter(s -> s.getStepName().equals(managerStep))
                .filter(s -> s.getExecutionContext().containsKey(GRID_SIZE))
                .map(s -> (int) s.getExecutionContext().getLong(GRID_SIZE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("partition " + partition + " has lost its context and the"
                        + " manager step " + managerStep + " has no grid size to recompute it from"));
        DealBook book = deals.of(Path.of(job.getJobParameters().getString(JobParameterNames.DATA_DIR)));
        ExecutionContext recomputed = new ResultsPartitioner(book, generation).partition(gridSize).get(partition);
        if (recomputed == null) {
            throw new IllegalStateException("partition " + partition + " has lost its context and is not one of the "
                    + gridSize + " partitions of generation " + generation);
        }
        context.putString(ResultsPartitioner.SYMBOLS, recomputed.getString(ResultsPartitioner.SYMBOLS));
        context.putLong(ResultsPartitioner.GENERATION, recomputed.getLong(ResultsPartitioner.GENERATION));
    }
}
