package org.debentures.compliance.app;

import java.util.concurrent.CountDownLatch;
import org.debentures.compliance.job.ComplianceJobConfiguration;
import org.debentures.compliance.job.results.PartitionRequest;
import org.debentures.compliance.job.results.RemotePartitioning;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} command (issue 21): checks that the database is one every process reaches and that RabbitMQ
 * answers, then runs the partitions managers send ({@link RemotePartitioning}) until the process is stopped. SIGTERM
 * (or SIGINT) closes the context: the listener finishes the partition it is running, acknowledges it, and the process
 * ends; SIGKILL leaves that partition's message unacknowledged, and RabbitMQ gives it to another worker.
 */
@Component
public class WorkerCommand implements ApplicationListener<ContextClosedEvent>,
        org.springframework.beans.factory.DisposableBean {

    private final JdbcTemplate jdbc;
    private final ConnectionFactory rabbit;
    private final Queue queue;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean rabbitListening;

    public WorkerCommand(JdbcTemplate jdbc, ConnectionFactory rabbit, Queue partitionQueue) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.queue = partitionQueue;
    }

    /** @return the exit code: refused (2, 4) or, once stopped, 0 */
    int runUntilStopped() {
        if (ComplianceJobConfiguration.embeddedH2(jdbc)) {
            System.err.println("Worker refused: remote partitioning needs a database every process reaches (MySQL or"
                    + " MariaDB, spring.datasource.url=jdbc:mysql://...); the embedded H2 file database is this process's"
                    + " own.");
            return ExitCodes.BAD_INPUT;
        }
        String unreachable = RemoteChecks.brokerUnreachable(rabbit);
        if (unreachable != null) {
            System.err.println("Worker refused: " + unreachable);
            return ExitCodes.DATABASE_UNAVAILABLE;
        }
        rabbitListening = true;
        System.out.println("worker " + RemotePartitioning.WORKER_NAME + " (" + PartitionRequest.BUILD + ") listening on queue "
                + queue.getName() + "; SIGTERM stops it after its current partition");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (closed.getCount() > 0 && rabbitListening) {
            System.out.println("worker " + RemotePartitioning.WORKER_NAME + " stopping: the current partition, if any, ends first");
            System.out.flush();
        }
        closed.countDown();
    }

    /** After the listener container has stopped (lifecycle beans stop before singletons are destroyed). */
    @Override
    public void destroy() {
        if (rabbitListening) {
            System.out.println("worker " + RemotePartitioning.WORKER_NAME + " stopped");
            System.out.flush();
        }
    }
}
