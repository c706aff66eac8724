package org.debentures.compliance.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The nightly compliance job's entry point. Options (SPEC §9): {@code --data-dir=DIR},
 * {@code --from=YYYY-MM-DD}, {@code --to=YYYY-MM-DD}, {@code --export-dir=DIR},
 * {@code --business-date=YYYY-MM-DD}, {@code --switches.NAME=VALUE} and the standard
 * {@code spring.datasource.*} properties. Exit status: see {@link ExitCodes}. The argument {@code report} writes
 * the reports of a stored range; {@code worker} runs a worker of remote partitioning until stopped (issue 21:
 * {@code --compliance.partitioning=remote} makes a run send its partitions to the workers).
 */
@SpringBootApplication(scanBasePackages = {"org.debentures.compliance.app", "org.debentures.compliance.job",
        "org.debentures.compliance.report"})
public class ComplianceApplication {

    public static void main(String[] args) {
        HeapWatch.start();
        int exit;
        AtomicReference<EmbeddedDatabaseKillGuard> guard = new AtomicReference<>();
        try {
            SpringApplication application = new SpringApplication(ComplianceApplication.class);
            if (java.util.Arrays.asList(args).contains("worker")) {
                // issue 21: a worker process of remote partitioning; on SIGTERM it finishes its current partition
                // (the listener container waits for it, and the lifecycle phase waits for the container)
                application.setDefaultProperties(java.util.Map.of("compliance.role", "worker",
                        "spring.lifecycle.timeout-per-shutdown-phase", "10m"));
            }
            // after the environment post-processors (the URL as the data source will use it), before any connection
            application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                    EmbeddedDatabaseKillGuard.forUrl(prepared.getEnvironment().getProperty("spring.datasource.url"))
                            .ifPresent(g -> {
                                try {
                                    g.beforeRun();
                                } catch (IOException e) {
                                    throw new UncheckedIOException("the embedded database's copy before the run: " + e.getMessage(), e);
                                }
                                guard.set(g);
                            });
                }
            });
            exit = SpringApplication.exit(application.run(args));
        } catch (Throwable failure) {
            // the context could not start: say why in one line after Spring's own report
            if (DatabaseFaults.isDatabaseInUse(failure)) {
                System.err.println("Run refused: the embedded database is in use by another run (one run at a time).");
                exit = ExitCodes.LOCKED;
            } else if (DatabaseFaults.isDatabaseFault(failure)) {
                System.err.print(DatabaseFaults.describe(failure));
                exit = ExitCodes.DATABASE_UNAVAILABLE;
            } else {
                System.err.println("Run failed to start: " + failure);
                exit = ExitCodes.RUN_FAILED;
            }
        }
        if (guard.get() != null) {
            try {
                guard.get().afterRun(); // the context is closed, and with it the database
            } catch (IOException e) {
                System.err.println("Could not remove the embedded database's run marker: " + e.getMessage());
            }
        }
        System.exit(exit);
    }

    /** Issue 23: SIGTERM and SIGINT stop a run at its next safe point (installed by the run command only). */
    @org.springframework.context.annotation.Bean
    GracefulStop gracefulStop(org.springframework.batch.core.launch.JobOperator jobOperator,
                              @org.springframework.beans.factory.annotation.Value("${compliance.stop.deadline:PT25S}")
                              java.time.Duration deadline) {
        return new GracefulStop(jobOperator, deadline);
    }

    /** Issue 23: the run's metrics (a Prometheus text file, a Pushgateway), with Spring Batch's observations. */
    @org.springframework.context.annotation.Bean
    RunMetrics runMetrics(@org.springframework.beans.factory.annotation.Value("${compliance.metrics.textfile-dir:}")
                          String textfileDir,
                          @org.springframework.beans.factory.annotation.Value("${compliance.metrics.pushgateway-url:}")
                          String pushgateway) {
        return new RunMetrics(textfileDir, pushgateway);
    }

    @org.springframework.context.annotation.Bean
    static RunMetrics.ObservationWiring runMetricsObservationWiring(
            org.springframework.beans.factory.ObjectProvider<RunMetrics> metrics) {
        return new RunMetrics.ObservationWiring(metrics);
    }
}
