package org.debentures.compliance.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;

/**
 * SIGTERM and SIGINT during a run (issue 23): what Kubernetes, systemd and most schedulers send first.
 * <ul>
 *   <li>The first signal asks Spring Batch to stop the run ({@link JobOperator#stop}): every step stops at its next
 *       safe point (a chunk boundary of the intake steps and of each results partition: the repository marks each
 *       step "terminate only" at its next commit), the execution ends {@code STOPPED} with the signal in its exit
 *       description, the summary so far is printed, and the process ends with {@link ExitCodes#STOPPED}. Nothing of
 *       the stopped run is visible (its results are published only by its last steps); the same command restarts
 *       it where it stopped.</li>
 *   <li>If the run has not stopped within {@code compliance.stop.deadline} (default 25 s: under Kubernetes' 30 s
 *       grace), or a second signal comes, the process ends at once ({@link Runtime#halt}, as SIGKILL would, which
 *       is safe: the next run recovers the execution).</li>
 * </ul>
 * A signal outside a run (starting up, or writing the summary) ends the process at once as well.
 */
public final class GracefulStop implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final JobOperator jobOperator;
    private final Duration deadline;
    private volatile JobExecution current;
    private volatile String requested;
    private final AtomicInteger signals = new AtomicInteger();

    public GracefulStop(JobOperator jobOperator, Duration deadline) {
        this.jobOperator = jobOperator;
        this.deadline = deadline;
    }

    /** Handles SIGTERM and SIGINT from now on, in place of the JVM's immediate shutdown. */
    @SuppressWarnings("restriction")
    public void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onSignal("SIG" + signal.getName(),
                        128 + signal.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.warn("cannot handle SIG{} here ({}): it ends the process at once", name, e.getMessage());
            }
        }
    }

    /** The signal that asked for the stop, or null. */
    public String requested() {
        return requested;
    }

    void onSignal(String signal, int exitAtOnce) {
        int count = signals.incrementAndGet();
        JobExecution running = current;
        if (count > 1 || running == null) {
            System.err.println(signal + (count > 1 ? " again" : " outside a run") + ": ending now (exit " + exitAtOnce
                    + "); nothing half-written is visible, and the same command restarts the run");
            Runtime.getRuntime().halt(exitAtOnce);
        }
        requested = signal;
        LOG.warn("{}: stopping run {} at its next safe point (a chunk boundary; at most {}); a second signal ends it"
                + " at once", signal, running.getId(), deadline);
        Thread stopper = new Thread(() -> {
            try {
                jobOperator.stop(running);
            } catch (Exception e) {
                LOG.warn("stop of run {}: {}", running.getId(), e.getMessage());
            }
        }, "graceful-stop");
        stopper.setDaemon(true);
        stopper.start();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(signal + ": the run did not stop within " + deadline + ": ending now (exit " + exitAtOnce
                    + "); nothing half-written is visible, and the same command restarts the run");
            Runtime.getRuntime().halt(exitAtOnce);
        }, "graceful-stop-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        current = jobExecution;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (requested != null) {
            jobExecution.setExitStatus(jobExecution.getExitStatus().addExitDescription("stopped on request ("
                    + requested + ")"));
        }
        current = null;
    }
}
