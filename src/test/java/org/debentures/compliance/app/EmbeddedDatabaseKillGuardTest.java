package org.debentures.compliance.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.debentures.compliance.store.run.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7/#9: a run killed on the embedded H2 file is followed by a run that starts from the
 * database as it was before the killed run (H2 may keep a killed transaction's rows locked). The
 * database here is a plain file standing for {@code db.mv.db}: the guard only copies files. A kill
 * is simulated by closing the run's lock channel, as the system does when it ends the process (the
 * whole-job kills are in {@code ComplianceJobRestartTests}).
 */
class EmbeddedDatabaseKillGuardTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("db.mv.db");
    }

    private Path marker() {
        return dir.resolve("db.run-in-progress");
    }

    private EmbeddedDatabaseKillGuard guard() {
        return EmbeddedDatabaseKillGuard.forUrl("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0").orElseThrow();
    }

    /**
     * A run that starts, writes half of its work and is killed: its lock goes with its process (the
     * system closes its files at SIGKILL), its marker and copy stay.
     */
    private void aRunIsKilledHalfWay() throws Exception {
        EmbeddedDatabaseKillGuard run = guard();
        run.beforeRun();
        Files.writeString(db(), "half of the killed run's work");
        var channel = EmbeddedDatabaseKillGuard.class.getDeclaredField("lockChannel");
        channel.setAccessible(true);
        ((java.nio.channels.FileChannel) channel.get(run)).close();
    }

    @Test
    void onlyFileH2UrlsAreGuarded() {
        assertTrue(EmbeddedDatabaseKillGuard.forUrl("jdbc:h2:file:./var/compliance-db").isPresent());
        assertTrue(EmbeddedDatabaseKillGuard.forUrl("jdbc:h2:./var/db;WRITE_DELAY=0").isPresent());
        assertFalse(EmbeddedDatabaseKillGuard.forUrl("jdbc:h2:mem:test").isPresent());
        assertFalse(EmbeddedDatabaseKillGuard.forUrl("jdbc:h2:tcp://localhost/db").isPresent());
        assertFalse(EmbeddedDatabaseKillGuard.forUrl("jdbc:mysql://127.0.0.1:3306/compliance").isPresent());
        assertFalse(EmbeddedDatabaseKillGuard.forUrl(null).isPresent());
    }

    @Test
    void anOrderlyRunLeavesNeitherMarkerNorCopy() throws Exception {
        Files.writeString(db(), "before");
        EmbeddedDatabaseKillGuard guard = guard();
        guard.beforeRun();
        assertEquals(RunLock.owner(), Files.readString(marker()).trim(), "the marker names this process");
        assertEquals("before", Files.readString(dir.resolve("db.before-run.mv.db")), "the copy aside");
        Files.writeString(db(), "after");
        guard.afterRun();
        assertFalse(Files.exists(marker()));
        assertFalse(Files.exists(dir.resolve("db.before-run.mv.db")));
        assertEquals("after", Files.readString(db()), "an orderly run's work is kept");
    }

    @Test
    void theRunAfterAKilledRunStartsFromTheDatabaseAsItWasBeforeIt() throws Exception {
        Files.writeString(db(), "state before the killed run");
        aRunIsKilledHalfWay();

        EmbeddedDatabaseKillGuard next = guard();
        next.beforeRun();
        assertEquals("state before the killed run", Files.readString(db(), StandardCharsets.UTF_8));
        assertEquals(RunLock.owner(), Files.readString(marker()).trim(), "the marker is now this run's");
        next.afterRun();
        assertFalse(Files.exists(marker()));
    }

    @Test
    void aKilledFirstRunLeavesNoDatabaseBehind() throws Exception {
        aRunIsKilledHalfWay(); // no database before it: the run created it

        EmbeddedDatabaseKillGuard next = guard();
        next.beforeRun();
        assertFalse(Files.exists(db()), "the run starts from an empty database, as the killed one did");
        next.afterRun();
    }

    @Test
    void aSecondRunBesideALiveOneTouchesNothing() throws Exception {
        Files.writeString(db(), "before");
        EmbeddedDatabaseKillGuard live = guard();
        live.beforeRun();
        Files.writeString(db(), "the live run's work");
        EmbeddedDatabaseKillGuard second = guard();
        second.beforeRun(); // the live run holds the lock
        assertEquals("the live run's work", Files.readString(db()), "no copy put back under a live run");
        assertEquals("before", Files.readString(dir.resolve("db.before-run.mv.db")), "nor its copy replaced");
        second.afterRun();
        assertTrue(Files.exists(marker()), "the live run's marker stays: the second run did not own it");
        live.afterRun();
        assertFalse(Files.exists(marker()));
    }
}
