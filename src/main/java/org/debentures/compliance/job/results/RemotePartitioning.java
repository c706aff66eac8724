package org.debentures.compliance.job.results;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.debentures.compliance.store.run.PartitionClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Remote partitioning of the results step over RabbitMQ (issue 21), with Spring Batch Integration's
 * {@link MessageChannelPartitionHandler} and Spring Integration AMQP: only the partition handler changes.
 * <ul>
 *   <li><b>Manager</b> ({@code compliance.partitioning=remote}): {@code computeResults} splits the symbols as
 *       always and sends one {@link PartitionRequest} (JSON) per partition to the durable queue
 *       {@code compliance.remote.queue}; it then polls the job repository (every second) until every partition has
 *       ended, for at most {@code compliance.remote.timeout} (a worker that died before it updated the repository
 *       cannot hold the run for ever: the step fails and the same command restarts it).</li>
 *   <li><b>Worker</b> ({@code compliance.role=worker}, the {@code worker} command): consumes one request at a time
 *       (prefetch 1), runs {@code computeResultsWorker} on the step execution the request names, from the shared job
 *       repository, and acknowledges the message when the partition has ended. A worker killed mid-partition leaves
 *       its message unacknowledged: RabbitMQ gives it to another worker, which resumes the partition after its last
 *       committed chunk (the reader's count is in the step's context, committed with each chunk).</li>
 * </ul>
 * A request from another build or protocol is not run: the worker marks its partition {@code FAILED} with the reason,
 * the manager sees it at its next poll, and the run fails with that message.
 */
@Configuration
@org.springframework.integration.config.EnableIntegration
public class RemotePartitioning {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePartitioning.class);

    /** The name of this process in logs and in each partition's context: host:pid. */
    public static final String WORKER_NAME = ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^(\\d+)@(.*)$", "$2:$1");

    /** The partition's context key that names the worker that ran it. */
    public static final String WORKER_KEY = "results.worker";

    @Bean
    public Queue partitionQueue(@Value("${compliance.remote.queue:debenture-compliance.partitions}") String queue) {
        return new Queue(queue, true);
    }

    // ---------------------------------------------------------------- manager

    @Bean
    @ConditionalOnProperty(name = "compliance.partitioning", havingValue = "remote")
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.partitioning", havingValue = "remote")
    public IntegrationFlow partitionRequestsToRabbit(RabbitTemplate rabbit, Queue partitionQueue,
                                                     @Qualifier("partitionRequests") DirectChannel partitionRequests) {
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, r -> PartitionRequest.of(r.getStepExecutionId(), r.getStepName())
                        .toJson())
                .handle(Amqp.outboundAdapter(rabbit).routingKey(partitionQueue.getName()))
                .get();
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.partitioning", havingValue = "remote")
    public PartitionHandler remotePartitionHandler(JobRepository jobs, DataSource dataSource,
                                                   @Qualifier("partitionRequests") DirectChannel partitionRequests,
                                                   @Value("${compliance.remote.timeout:PT30M}") Duration timeout,
                                                   @Value("${compliance.results.partitions:0}") int partitions) {
        MessagingTemplate template = new MessagingTemplate(partitionRequests);
        MessageChannelPartitionHandler handler = new ManagerPartitionHandler(jobs, dataSource, timeout);
        handler.setMessagingOperations(template);
        handler.setStepName("computeResultsWorker");
        handler.setJobRepository(jobs);
        handler.setPollInterval(1000);
        handler.setTimeout(timeout.toMillis());
        handler.setGridSize(ResultsStepsConfiguration.gridSize(partitions));
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }

    /**
     * Spring Batch's handler, with what it leaves undone when the partitions cannot all be sent (the broker is lost) or
     * do not all end within the timeout (a worker died before it updated the repository): a partition that no worker
     * holds (its {@link PartitionClaim} is free) is marked {@code FAILED} with the reason, so that the same command
     * restarts the run (Spring Batch refuses to restart a run with a partition still {@code STARTING} or
     * {@code STARTED}); one a live worker still runs is left to it, and the failure says so.
     */
    static final class ManagerPartitionHandler extends MessageChannelPartitionHandler {
        private final JobRepository jobs;
        private final DataSource dataSource;
        private final Duration timeout;

        ManagerPartitionHandler(JobRepository jobs, DataSource dataSource, Duration timeout) {
            this.jobs = jobs;
            this.dataSource = dataSource;
            this.timeout = timeout;
        }

        @Override
        protected java.util.Set<StepExecution> doHandle(StepExecution manager, java.util.Set<StepExecution> partitions)
                throws Exception {
            try {
                return super.doHandle(manager, partitions);
            } catch (java.util.concurrent.TimeoutException e) {
                String stillRun = releaseOrphans(partitions, "no worker ended it within compliance.remote.timeout="
                        + timeout);
                throw new IllegalStateException("the partitions did not all end within compliance.remote.timeout="
                        + timeout + " (a worker died, or none is running)" + stillRun + "; run the same command again",
                        e);
            } catch (Exception e) {
                releaseOrphans(partitions, "not run: " + e.getMessage());
                throw e;
            }
        }

        /** Marks each unfinished partition no worker holds FAILED; names those a live worker still runs. */
        private String releaseOrphans(java.util.Set<StepExecution> partitions, String reason) {
            java.util.List<String> stillRun = new java.util.ArrayList<>();
            for (StepExecution partition : partitions) {
                StepExecution stored = jobs.getStepExecution(partition.getId());
                if (stored == null || !stored.getStatus().isRunning()) {
                    continue;
                }
                try (PartitionClaim claim = PartitionClaim.take(dataSource, stored.getId(), Duration.ZERO)) {
                    if (claim == null) {
                        stillRun.add(stored.getStepName());
                        continue;
                    }
                    stored.setStatus(BatchStatus.FAILED);
                    stored.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                    stored.setEndTime(LocalDateTime.now());
                    jobs.update(stored);
                    LOG.warn("partition {} of run {} marked FAILED: {}", stored.getStepName(), stored.getJobExecutionId(),
                            reason);
                } catch (java.sql.SQLException | RuntimeException e) {
                    LOG.warn("partition {}: cannot mark it failed ({}); a restart recovers it", stored.getStepName(),
                            e.getMessage());
                }
            }
            return stillRun.isEmpty() ? "" : "; still being run by a live worker: " + String.join(", ", stillRun)
                    + " (restart once it has ended)";
        }
    }

    // ---------------------------------------------------------------- worker

    /** Runs the partitions a manager sends, one at a time. */
    public static final class Worker {
        private final JobRepository jobs;
        private final Step workerStep;
        private final DataSource dataSource;
        private final Duration claimWait;

        Worker(JobRepository jobs, Step workerStep, DataSource dataSource, Duration claimWait) {
            this.jobs = jobs;
            this.workerStep = workerStep;
            this.dataSource = dataSource;
            this.claimWait = claimWait;
        }

        public void handle(Object payload) {
            String json = payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(payload);
            PartitionRequest request;
            try {
                request = PartitionRequest.parse(json);
            } catch (IllegalArgumentException e) {
                LOG.error("worker {}: message refused: {}", WORKER_NAME, e.getMessage());
                return;
            }
            if (jobs.getStepExecution(request.stepExecutionId()) == null) {
                LOG.error("worker {}: no step execution {} in the job repository (another database?): request {} refused",
                        WORKER_NAME, request.stepExecutionId(), json);
                return;
            }
            // one worker at a time on a partition: a request RabbitMQ gave again while its first worker still runs it
            // (the broker restarted under a live worker) waits here, then finds the partition ended
            PartitionClaim claim;
            try {
                claim = PartitionClaim.take(dataSource, request.stepExecutionId(), Duration.ZERO);
                if (claim == null) {
                    LOG.info("worker {}: partition {} is being run by another worker: waiting for it to end (at most {})",
                            WORKER_NAME, request.stepExecutionId(), claimWait);
                    claim = PartitionClaim.take(dataSource, request.stepExecutionId(), claimWait);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("worker " + WORKER_NAME + ": cannot claim partition "
                        + request.stepExecutionId() + ": " + e.getMessage(), e);
            }
            if (claim == null) {
                LOG.error("worker {}: partition {} still held by another worker after {}: left to it", WORKER_NAME,
                        request.stepExecutionId(), claimWait);
                return;
            }
            try (PartitionClaim held = claim) {
                run(request, json);
            } catch (java.sql.SQLException e) {
                LOG.warn("worker {}: releasing the claim on partition {}: {}", WORKER_NAME, request.stepExecutionId(),
                        e.getMessage());
            }
        }

        private void run(PartitionRequest request, String json) {
            StepExecution partition = jobs.getStepExecution(request.stepExecutionId()); // read again under the claim
            String incompatible = request.incompatibility();
            if (incompatible != null) {
                LOG.error("worker {}: partition {} of run {} not run: {}", WORKER_NAME, partition.getStepName(),
                        partition.getJobExecutionId(), incompatible);
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription("worker " + WORKER_NAME + " did not run this"
                        + " partition: " + incompatible));
                partition.setEndTime(LocalDateTime.now());
                jobs.update(partition);
                return;
            }
            if (partition.getStatus() == BatchStatus.COMPLETED) {
                LOG.info("worker {}: partition {} of run {} already completed: nothing to do", WORKER_NAME,
                        partition.getStepName(), partition.getJobExecutionId());
                return;
            }
            if (!partition.getStatus().isRunning()) {
                // FAILED, STOPPED, ABANDONED: its run has given it up; a restart sends requests of its own
                LOG.info("worker {}: partition {} of run {} is {}: a stale request, not run", WORKER_NAME,
                        partition.getStepName(), partition.getJobExecutionId(), partition.getStatus());
                return;
            }
            var run = jobs.getJobExecution(partition.getJobExecutionId());
            if (run != null && !run.getStatus().isRunning()) {
                LOG.info("worker {}: partition {} of run {}: the run has ended ({}): a stale request, not run", WORKER_NAME,
                        partition.getStepName(), partition.getJobExecutionId(), run.getStatus());
                return;
            }
            if (!workerStep.getName().equals(request.stepName())) {
                LOG.error("worker {}: no step {} here (this worker runs {})", WORKER_NAME, request.stepName(), workerStep.getName());
                return;
            }
            LOG.info("worker {}: running partition {} of run {} (status {})", WORKER_NAME, partition.getStepName(),
                    partition.getJobExecutionId(), partition.getStatus());
            partition.getExecutionContext().putString(WORKER_KEY, WORKER_NAME);
            long started = System.nanoTime();
            try {
                workerStep.execute(partition);
            } catch (JobInterruptedException e) {
                partition.setStatus(BatchStatus.STOPPED);
                jobs.update(partition);
            } catch (Throwable t) {
                partition.addFailureException(t);
                partition.setStatus(BatchStatus.FAILED);
                jobs.update(partition);
            }
            LOG.info("worker {}: partition {} of run {} {} in {} ms", WORKER_NAME, partition.getStepName(),
                    partition.getJobExecutionId(), partition.getStatus(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.role", havingValue = "worker")
    public Worker partitionWorker(JobRepository jobs, @Qualifier("computeResultsWorker") Step computeResultsWorker,
                                  DataSource dataSource, @Value("${compliance.remote.timeout:PT30M}") Duration timeout) {
        return new Worker(jobs, computeResultsWorker, dataSource, timeout);
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.role", havingValue = "worker")
    public IntegrationFlow partitionRequestsFromRabbit(ConnectionFactory rabbit, Queue partitionQueue, Worker partitionWorker,
                                                       @Value("${compliance.remote.shutdown-timeout:PT10M}") Duration shutdown) {
        return IntegrationFlow.from(Amqp.inboundAdapter(rabbit, partitionQueue.getName())
                        .configureContainer(c -> c.concurrentConsumers(1).prefetchCount(1)
                                .defaultRequeueRejected(false).shutdownTimeout(shutdown.toMillis())))
                .handle(message -> partitionWorker.handle(message.getPayload()))
                .get();
    }
}
