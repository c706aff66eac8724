package org.debentures.compliance.batch;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole job on the sample data with the embedded default: a file-based H2 database. */
class ComplianceJobFunctionalTests extends AbstractComplianceJobFunctionalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path db = Path.of("target/test-db/functional-" + System.nanoTime()).toAbsolutePath();
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + db);
    }
}
