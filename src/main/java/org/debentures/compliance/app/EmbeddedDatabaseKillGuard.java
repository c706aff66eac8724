package org.debentures.compliance.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debentures.compliance.store.run.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a run killed on the embedded H2 file database restartable with the right rows. H2 (2.3.232
 * and 2.4.240 alike) does not always roll a killed process's open transaction back when the file is
 * opened again: some of its rows stay behind, visible and locked by a transaction that no longer
 * exists. The restarted run then fails ({@code Timeout trying to lock table}) or, worse, ends with a
 * row too many (README, "Killed runs on the embedded database").
 *
 * <p>So a run takes an operating-system lock on {@code <db>.guard.lock} for its whole life (the
 * system releases it when the process ends, even by SIGKILL), then, before the database is opened,
 * copies the file aside ({@code <db>.before-run.mv.db}) and writes a marker
 * ({@code <db>.run-in-progress}, naming the process). An orderly end, whatever the exit code, removes
 * the marker and the copy. A run that gets the lock and finds a marker knows the run that wrote it
 * was killed: it puts the copy back, so the database is as it was before the killed run, and computes
 * the range from there. A run that cannot get the lock touches nothing: another run is alive, and
 * this one is refused when it opens the database.
 *
 * <p>Only for {@code jdbc:h2:file:} URLs (and the bare {@code jdbc:h2:PATH} form); in-memory and
 * server databases, and MySQL/MariaDB (whose restart is tested without this), are left alone.
 */
public final class EmbeddedDatabaseKillGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseKillGuard.class);
    private static final Pattern FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?+(?!"
            + H2RelativePathEnvironment.NOT_A_FILE + ")([^;]+)(;.*)?$");

    private final Path database;
    private final Path copy;
    private final Path marker;
    private final Path lockFile;
    private FileChannel lockChannel;

    private EmbeddedDatabaseKillGuard(Path base) {
        this.database = sibling(base, ".mv.db");
        this.copy = sibling(base, ".before-run.mv.db");
        this.marker = sibling(base, ".run-in-progress");
        this.lockFile = sibling(base, ".guard.lock");
    }

    private static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    /** The guard of an H2 file database's URL; empty for any other URL. */
    public static Optional<EmbeddedDatabaseKillGuard> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = FILE_URL.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(1);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(new EmbeddedDatabaseKillGuard(Path.of(path).toAbsolutePath().normalize()));
    }

    /**
     * Before the database is opened: takes the guard's lock (or, held by a live run, does nothing),
     * puts the copy back when the last run was killed, then copies the file aside and writes this
     * run's marker.
     */
    public void beforeRun() throws IOException {
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held in this JVM
        }
        if (lock == null) {
            channel.close();
            return; // a live run holds the database: this run is refused when it opens it
        }
        lockChannel = channel;
        if (Files.exists(marker)) {
            String killed = Files.readString(marker, StandardCharsets.UTF_8).trim();
            if (Files.exists(copy)) {
                Files.copy(copy, database, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(database); // the killed run created the database
            }
            LOG.warn("The last run on {} (process {}) was killed: the database is put back as it was before that run"
                    + " (H2 does not always roll a killed run's transaction back), and this run computes the range"
                    + " from there.", database, killed);
        } else if (Files.exists(database)) {
            Files.copy(database, copy, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(copy);
        }
        Files.writeString(marker, RunLock.owner() + "\n", StandardCharsets.UTF_8);
    }

    /** After an orderly end (the database closed): removes this run's marker and copy, and releases the lock. */
    public void afterRun() throws IOException {
        if (lockChannel != null) {
            try {
                Files.deleteIfExists(marker);
                Files.deleteIfExists(copy);
            } finally {
                lockChannel.close();
                lockChannel = null;
            }
        }
    }
}
