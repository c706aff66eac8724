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
        System.exit(SpringApplication.exit(SpringApplication.run(ComplianceApplication.class, args)));
    }
}
