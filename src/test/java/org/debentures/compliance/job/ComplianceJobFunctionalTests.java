package org.debentures.compliance.job;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole job on the sample data with the embedded default: a file-based H2 database. */
class ComplianceJobFunctionalTests extends AbstractComplianceJobFunctionalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        freshFileH2(registry, "functional");
    }
}
