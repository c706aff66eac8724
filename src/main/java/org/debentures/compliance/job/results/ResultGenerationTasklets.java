package org.debentures.compliance.job.results;

import org.debentures.compliance.job.JobParameterNames;
import org.debentures.compliance.store.output.ResultGenerations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three steps around the partitioned results step that make its results visible at once
 * (decision 0002): {@link #begin} (the run generation to write under, in the job's context),
 * {@link #publish} (one commit: the generation becomes the one readers see), {@link #prune} (the
 * rows it replaced deleted).
 */
public final class ResultGenerationTasklets {

    private static final Logger LOG = LoggerFactory.getLogger(ResultGenerationTasklets.class);

    private ResultGenerationTasklets() {
    }

    /** The run's generation, kept in the job execution's context for the partitions and {@link #publish}. */
    public static long generation(JobExecution job) {
        if (!job.getExecutionContext().containsKey(ResultsPartitioner.GENERATION)) {
            throw new IllegalStateException("no results generation in the job's context: beginResults has not run");
        }
        return job.getExecutionContext().getLong(ResultsPartitioner.GENERATION);
    }

    /**
     * Runs at every start of the job, restarts included: the job instance's generation if it has one
     * still (a restart), else a new one; generations other runs left unpublished are removed.
     */
    public static Tasklet begin(JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            var params = job.getJobParameters();
            long generation = new ResultGenerations(jdbc).begin(job.getJobInstance().getInstanceId(),
                    params.getLocalDate(JobParameterNames.FROM), params.getLocalDate(JobParameterNames.TO));
            job.getExecutionContext().putLong(ResultsPartitioner.GENERATION, generation);
            LOG.info("results written under generation {} (published now: {})", generation,
                    new ResultGenerations(jdbc).published());
            return RepeatStatus.FINISHED;
        };
    }

    /** Publishes the run's generation: every output table's new rows become visible in this one commit. */
    public static Tasklet publish(JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            long generation = generation(chunk.getStepContext().getStepExecution().getJobExecution());
            long started = System.nanoTime();
            new ResultGenerations(jdbc).publish(generation);
            LOG.info("published results generation {} in {} ms", generation, (System.nanoTime() - started) / 1_000_000);
            return RepeatStatus.FINISHED;
        };
    }

    /** Deletes the rows that the published generations replaced (readers no longer see them). */
    public static Tasklet prune(JdbcTemplate jdbc) {
        return (contribution, chunk) -> {
            long started = System.nanoTime();
            int deleted = new ResultGenerations(jdbc).pruneReplaced();
            contribution.incrementWriteCount(deleted);
            LOG.info("pruned {} replaced result rows in {} ms", deleted, (System.nanoTime() - started) / 1_000_000);
            return RepeatStatus.FINISHED;
        };
    }
}
