package org.debentures.compliance.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §9 / issue: {@code --spring.datasource.url=jdbc:h2:file:SOME/PATH} must work as given. */
class H2RelativePathEnvironmentTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:h2:file:target/db/x,           jdbc:h2:file:./target/db/x",
            "jdbc:h2:target/db/x,                jdbc:h2:./target/db/x",
            "jdbc:h2:file:./var/compliance-db,   jdbc:h2:file:./var/compliance-db",
            "jdbc:h2:file:/tmp/db,               jdbc:h2:file:/tmp/db",
            "jdbc:h2:file:~/db,                  jdbc:h2:file:~/db",
            "jdbc:h2:mem:test,                   jdbc:h2:mem:test",
            "jdbc:h2:tcp://localhost/db,         jdbc:h2:tcp://localhost/db",
            "jdbc:mysql://h/c?allowLoadLocalInfile=false, jdbc:mysql://h/c?allowLoadLocalInfile=false",
    })
    void makesImplicitlyRelativeH2PathsExplicit(String given, String expected) {
        assertEquals(expected, H2RelativePathEnvironment.normalize(given));
    }

    /** Issue 23: a MySQL URL gets the driver's restricted bulk-load setting, never allowLoadLocalInfile=true. */
    @org.junit.jupiter.api.Test
    void aMySqlUrlMayLoadLocalFilesOnlyFromTheJobsOwnFolder() {
        String folder = org.debentures.compliance.store.BulkLoadDirectory.path().toString();
        assertEquals("jdbc:mysql://127.0.0.1:3306/c?allowLoadLocalInfileInPath=" + folder,
                H2RelativePathEnvironment.normalize("jdbc:mysql://127.0.0.1:3306/c"));
        assertEquals("jdbc:mysql://h/c?a=b&allowLoadLocalInfileInPath=" + folder,
                H2RelativePathEnvironment.normalize("jdbc:mysql://h/c?a=b"));
        java.nio.file.Path path = java.nio.file.Path.of(folder);
        assertEquals(true, java.nio.file.Files.isDirectory(path));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                assertDoesNotThrow(() -> java.nio.file.Files.getPosixFilePermissions(path))), "owner-only");
    }
}
