package org.debentures.compliance.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The one folder MySQL Connector/J may read for {@code LOAD DATA LOCAL INFILE} (issue 23): a private folder of this
 * process (owner-only permissions, under {@code java.io.tmpdir}) that holds nothing but the job's own bulk-load files,
 * each there only while its load runs. The job's MySQL URLs get {@code allowLoadLocalInfileInPath} set to it instead
 * of {@code allowLoadLocalInfile=true}: a server (a compromised or impersonated one) that asks the driver for any
 * other file of the host, {@code /etc/passwd} or the job's configuration, is refused by the driver.
 */
public final class BulkLoadDirectory {

    private static volatile Path path;

    private BulkLoadDirectory() {
    }

    /** The folder, created (empty, owner-only) on first use and removed when the process ends. */
    public static Path path() {
        Path p = path;
        if (p == null) {
            synchronized (BulkLoadDirectory.class) {
                if (path == null) {
                    path = create();
                }
                p = path;
            }
        }
        return p;
    }

    private static Path create() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path dir;
            try {
                dir = Files.createTempDirectory(tmp, "debenture-compliance-bulk-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                dir = Files.createTempDirectory(tmp, "debenture-compliance-bulk-");
            }
            Path created = dir.toRealPath();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.list(created)) {
                    files.forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // best effort
                }
                created.toFile().delete();
            }, "bulk-load-directory-cleanup"));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bulk-load folder under " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage(), e);
        }
    }
}
