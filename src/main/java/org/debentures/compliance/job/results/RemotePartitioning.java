package org.debentures.compliance.job.results;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
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
    public PartitionHandler remotePartitionHandler(JobRepository jobs,
                                                   @Qualifier("partitionRequests") DirectChannel partitionRequests,
                                                   @Value("${compliance.remote.timeout:PT30M}") Duration timeout,
                                                   @Value("${compliance.results.partitions:0}") int partitions) {
        MessagingTemplate template = new MessagingTemplate(partitionRequests);
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
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

    // ---------------------------------------------------------------- worker

    /** Runs the partitions a manager sends, one at a time. */
    public static final class Worker {
        private final JobRepository jobs;
        private final Step workerStep;

        Worker(JobRepository jobs, Step workerStep) {
            this.jobs = jobs;
            this.workerStep = workerStep;
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
            StepExecution partition = jobs.getStepExecution(request.stepExecutionId());
            if (partition == null) {
                LOG.error("worker {}: no step execution {} in the job repository (another database?): request {} refused",
                        WORKER_NAME, request.stepExecutionId(), json);
                return;
            }
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
    public Worker partitionWorker(JobRepository jobs, @Qualifier("computeResultsWorker") Step computeResultsWorker) {
        return new Worker(jobs, computeResultsWorker);
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
