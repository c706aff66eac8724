package org.debentures.compliance.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The nightly compliance job's entry point. Options (SPEC §9): {@code --data-dir=DIR},
 * {@code --from=YYYY-MM-DD}, {@code --to=YYYY-MM-DD}, {@code --export-dir=DIR},
 * {@code --business-date=YYYY-MM-DD}, {@code --switches.NAME=VALUE} and the standard
 * {@code spring.datasource.*} properties. Exit status: see {@link ExitCodes}.
 */
@SpringBootApplication(scanBasePackages = {"org.debentures.compliance.app", "org.debentures.compliance.batch",
        "org.debentures.compliance.report"})
public class ComplianceApplication {

    public static void main(String[] args) {
        HeapWatch.start();
        int exit;
        try {
            exit = SpringApplication.exit(SpringApplication.run(ComplianceApplication.class, args));
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
        System.exit(exit);
    }
}
