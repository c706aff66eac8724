package org.debentures.compliance.job.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.job.JobParameterNames;
import org.debentures.compliance.terms.DealBook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * A partition whose context was lost between Spring Batch's creating its step execution and saving its context (a
 * database cut, seen in {@code ComplianceJobMariaDbFunctionalTests}) gets its symbols back from the deal book, the
 * generation and the manager's grid size.
 */
class PartitionContextRepairTest {

    private static final DealBook SAMPLE = new DealFileLoader().load(Path.of("data"), Map.of());

    private static JobExecution job(Long gridSize) {
        JobExecution job = MetaDataInstanceFactory.createJobExecution("complianceJob", 1L, 1L,
                new JobParametersBuilder().addString(JobParameterNames.DATA_DIR, "data").toJobParameters());
        job.getExecutionContext().putLong(ResultsPartitioner.GENERATION, 7L);
        StepExecution manager = MetaDataInstanceFactory.createStepExecution(job, "computeResults", 10L);
        if (gridSize != null) {
            manager.getExecutionContext().putLong(PartitionContextRepair.GRID_SIZE, gridSize);
        }
        if (!job.getStepExecutions().contains(manager)) {
            job.addStepExecution(manager);
        }
        return job;
    }

    @Test
    void aPartitionWithAnEmptyContextGetsTheSymbolsThePartitionerGaveIt() {
        JobExecution job = job(4L);
        StepExecution worker = MetaDataInstanceFactory.createStepExecution(job, "computeResultsWorker:g7-p00", 11L);
        new PartitionContextRepair(dir -> SAMPLE, "computeResults").beforeStep(worker);
        // the sample has one symbol: one partition, g7-p00, with RMTR
        assertEquals("RMTR", worker.getExecutionContext().getString(ResultsPartitioner.SYMBOLS));
        assertEquals(7L, worker.getExecutionContext().getLong(ResultsPartitioner.GENERATION));
    }

    @Test
    void aPartitionWithItsContextIsLeftAloneAndAnUnknownOneFails() {
        JobExecution job = job(4L);
        StepExecution kept = MetaDataInstanceFactory.createStepExecution(job, "computeResultsWorker:g7-p00", 11L);
        kept.getExecutionContext().putString(ResultsPartitioner.SYMBOLS, "XYZ");
        new PartitionContextRepair(dir -> SAMPLE, "computeResults").beforeStep(kept);
        assertEquals("XYZ", kept.getExecutionContext().getString(ResultsPartitioner.SYMBOLS));
        StepExecution unknown = MetaDataInstanceFactory.createStepExecution(job, "computeResultsWorker:g7-p03", 12L);
        assertThrows(IllegalStateException.class,
                () -> new PartitionContextRepair(dir -> SAMPLE, "computeResults").beforeStep(unknown));
    }
}
