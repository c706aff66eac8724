package org.debentures.compliance.app;

import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the job once from the command line, prints the summary and sets the exit status; or, with
 * the argument {@code report}, writes the reports of a stored range without running the job.
 */
@Component
@ConditionalOnProperty(name = "compliance.command-line.enabled", havingValue = "true", matchIfMissing = true)
public class ComplianceCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private final ComplianceRunService runs;
    private final ReportCommand reports;
    private final Environment environment;
    private int exitCode = ExitCodes.OK;

    private final org.springframework.beans.factory.ObjectProvider<WorkerCommand> workers;

    public ComplianceCommandLine(ComplianceRunService runs, ReportCommand reports, Environment environment,
                                 org.springframework.beans.factory.ObjectProvider<WorkerCommand> workers) {
        this.workers = workers;
        this.runs = runs;
        this.reports = reports;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("worker".equals(environment.getProperty("compliance.role"))) {
            exitCode = workers.getObject().runUntilStopped();
            return;
        }
        if (args.getNonOptionArgs().contains("report")) {
            exitCode = reports.writeReports(environment);
            return;
        }
        RunOptions options;
        try {
            options = RunOptions.from(environment, LocalDate.now());
        } catch (IllegalArgumentException e) {
            System.err.println("Run refused: " + e.getMessage());
            exitCode = ExitCodes.BAD_INPUT;
            return;
        }
        org.slf4j.LoggerFactory.getLogger(ComplianceCommandLine.class).info("reporting database: {} (user {})",
                Redaction.url(environment.getProperty("spring.datasource.url")),
                environment.getProperty("spring.datasource.username", "(default)"));
        if (gracefulStop != null && !"false".equals(environment.getProperty("compliance.stop.signals"))) {
            gracefulStop.install();
        }
        ComplianceRunService.Outcome outcome = runs.run(options);
        (outcome.exitCode() == ExitCodes.OK ? System.out : System.err).print(outcome.text());
        exitCode = outcome.exitCode();
    }

    private GracefulStop gracefulStop;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void gracefulStop(GracefulStop gracefulStop) {
        this.gracefulStop = gracefulStop;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
