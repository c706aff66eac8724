package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.store.output.ResultGenerations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the whole job with its results step partitioned over RabbitMQ (127.0.0.1:5672, guest/guest) to worker
 * processes, against MariaDB (127.0.0.1:3306), each process a child JVM of this build, on a generated portfolio of six
 * symbols in three partitions, one symbol a chunk (so a partition commits more than once). Every output table of a
 * remote run equals a local run's, and a reader polling the database during a remote run, a killed worker or a broker
 * stopped under the run sees only the whole previous result or the whole new one. Without RabbitMQ or MariaDB the
 * class is skipped with a message; under CI ({@code CI=true}) it fails, since .ci/run starts both. Each test uses its
 * own queue, so that no stale message of another run reaches it; a test that stops RabbitMQ starts it again.
 */
class RemotePartitioningMariaDbTests {

    private static final String SERVER = MariaDbServer.URL;
    private final List<Process> processes = new ArrayList<>();
    private static Path portfolio;
    private volatile boolean brokerStopped;
    private final String queue = "compliance-test-" + UUID.randomUUID();

    @BeforeAll
    static void servers() {
        MariaDbServer.executeOrSkip("SELECT 1");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (Exception e) {
            String why = "RabbitMQ not reachable on 127.0.0.1:5672 (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI must run this suite: .ci/run starts it (rabbitmq-server -detached)");
            }
            Assumptions.abort("skipped: " + why);
        }
        try {
            portfolio = java.nio.file.Files.createTempDirectory("remote-portfolio");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.debentures.compliance.tools.sample.PortfolioGenerator.main(new String[] {portfolio.toString(), "7", "6", "20",
                "--through=2003-12-31"});
    }

    /** {@code rabbitmqctl stop_app} or {@code start_app}: RabbitMQ's listener goes away (or comes back); the node stays. */
    private void broker(String action) throws Exception {
        Process ctl = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
        String out = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ctl.waitFor(120, TimeUnit.SECONDS), "rabbitmqctl " + action + " ended");
        assertEquals(0, ctl.exitValue(), "rabbitmqctl " + action + ":\n" + out);
        brokerStopped = action.equals("stop_app");
        if (!brokerStopped) {
            for (int i = 0; i < 120; i++) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
                    return;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(500);
                }
            }
            fail("RabbitMQ listens again after start_app");
        }
    }

    @AfterEach
    void brokerBack() throws Exception {
        if (brokerStopped) {
            broker("start_app");
        }
    }

    /** Polls {@link ReaderSnapshot} on the run's database on another thread until stopped; what it saw, in order. */
    private static final class Reader implements AutoCloseable {
        private final java.util.Set<String> seen = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        private final List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Reader(String database) {
            thread = new Thread(() -> {
                while (!done.get()) {
                    try (Connection c = DriverManager.getConnection(SERVER + database, "root", "");
                         Statement s = c.createStatement()) {
                        while (!done.get()) {
                            try (ResultSet rs = s.executeQuery(ReaderSnapshot.QUERY)) {
                                if (rs.next()) {
                                    seen.add(ReaderSnapshot.of(rs));
                                    polls.incrementAndGet();
                                }
                            }
                            Thread.sleep(20);
                        }
                    } catch (java.sql.SQLSyntaxErrorException beforeTheSchema) {
                        sleepQuietly(); // the first process creates the tables
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        errors.add(e);
                        return;
                    }
                }
            }, "reader");
            thread.setDaemon(true);
            thread.start();
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops polling; every snapshot seen was {@code before} or {@code after}, and the reader polled during the run. */
        void assertSawOnly(String before, String after) throws InterruptedException {
            close();
            assertEquals(List.of(), errors, "the reader's errors");
            assertTrue(polls.get() > 20, "the reader polled during the run: " + polls.get());
            List<String> saw = new ArrayList<>(seen);
            assertTrue(List.of(before, after).containsAll(saw), "a reader saw, in order: " + saw + "\n(before " + before
                    + ", after " + after + ")");
        }

        @Override
        public void close() throws InterruptedException {
            done.set(true);
            thread.join(10_000);
        }
    }

    private static final String NOTHING = "0/0/0/0/0/0/-/-";

    private static String snapshot(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + database, "root", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(ReaderSnapshot.QUERY)) {
            assertTrue(rs.next());
            return ReaderSnapshot.of(rs);
        }
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** A child JVM of this build; its output lines go to {@code onLine} (and the process's log). */
    final class Child {
        final Process process;
        final StringBuffer log = new StringBuffer();

        Child(List<String> args, Predicate<String> onLine) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath,
                    "org.debentures.compliance.app.ComplianceApplication"));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        log.append(line).append('\n');
                        if (onLine != null && onLine.test(line)) {
                            process.destroyForcibly(); // SIGKILL
                        }
                    }
                } catch (Exception e) {
                    log.append("(log reader: ").append(e).append(")\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int waitFor() throws InterruptedException {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "the process ended:\n" + log);
            return process.exitValue();
        }
    }

    private List<String> options(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("--data-dir=" + portfolio, "--to=2003-12-31",
                "--business-date=2004-01-01", "--compliance.results.partitions=3",
                "--compliance.results.symbols-per-chunk=1",
                "--spring.datasource.url=" + SERVER + database + "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true",
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--compliance.remote.queue=" + queue, "--compliance.remote.timeout=PT3M"));
        args.addAll(List.of(more));
        return args;
    }

    private Child worker(String database, Predicate<String> killWhen) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(options(database));
        CountDownLatch listening = new CountDownLatch(1);
        Child child = new Child(args, line -> {
            if (line.contains("listening on queue")) {
                listening.countDown();
            }
            return killWhen != null && killWhen.test(line);
        });
        assertTrue(listening.await(120, TimeUnit.SECONDS), "the worker listens:\n" + child.log);
        return child;
    }

    private static String fresh(String name) throws Exception {
        String database = name + "_" + Long.toHexString(System.nanoTime());
        MariaDbServer.executeOrSkip("CREATE DATABASE " + database);
        return database;
    }

    /** Every output table's rows (run-id columns left out), sorted. */
    private static Map<String, List<String>> tables(String database) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(SERVER + database, "root", ""); Statement s = c.createStatement()) {
            for (String table : ResultGenerations.TABLE_KEYS.keySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!meta.getColumnLabel(i).toUpperCase().endsWith("RUN_ID")) {
                                row.append(meta.getColumnLabel(i)).append('=').append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static Map<String, List<String>> localRun() throws Exception {
        return LOCAL.get();
    }

    /** The local run's tables, worked out once for the class. */
    private static final Memo LOCAL = new Memo();

    private static final class Memo {
        private Map<String, List<String>> tables;

        synchronized Map<String, List<String>> get() throws Exception {
            if (tables == null) {
                String database = fresh("remote_test_local");
                RemotePartitioningMariaDbTests t = new RemotePartitioningMariaDbTests();
                Child run = t.new Child(t.options(database), null);
                assertEquals(ExitCodes.OK, run.waitFor(), run.log.toString());
                tables = tables(database);
            }
            return tables;
        }
    }

    private static void assertSameTables(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table).size(), actual.get(table).size(), table + ": row count");
            for (int i = 0; i < expected.get(table).size(); i++) {
                assertEquals(expected.get(table).get(i), actual.get(table).get(i), table + " row " + i);
            }
        }
        assertTrue(expected.get("interest_accrual").size() > 5000, "the tables compared hold the portfolio's rows");
        assertTrue(expected.get("compliance_exception").size() > 20, "the tables compared hold the portfolio's exceptions");
    }

    @Test
    void aRemoteRunWithTwoWorkersWritesExactlyTheRowsOfALocalRun() throws Exception {
        String database = fresh("remote_test_two");
        Child first = worker(database, null);
        Child second = worker(database, null);
        Reader reader = new Reader(database);
        Child manager = new Child(options(database, "--compliance.partitioning=remote"), null);
        assertEquals(ExitCodes.OK, manager.waitFor(), manager.log.toString());
        String full = snapshot(database);
        reader.assertSawOnly(NOTHING, full);
        assertSameTables(localRun(), tables(database));
        String workers = first.log.toString() + second.log;
        // the summary names the worker of each partition (host:pid, as the worker names itself in its log)
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("(g1-p0[0-2])=(\\S+) COMPLETED").matcher(manager.log);
        java.util.Set<String> partitions = new java.util.TreeSet<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (named.find()) {
            partitions.add(named.group(1));
            names.add(named.group(2));
            assertTrue(workers.contains("worker " + named.group(2) + ": partition computeResultsWorker:" + named.group(1)
                    + " of run"), named.group() + " in the workers' logs:\n" + workers);
        }
        assertEquals(java.util.Set.of("g1-p00", "g1-p01", "g1-p02"), partitions, manager.log.toString());
        // prefetch 1: with three partitions for two idle workers, each takes one before either takes a second
        assertEquals(2, names.size(), "both workers ran partitions: " + names);
        // SIGTERM: a worker ends cleanly when it has no partition running
        first.process.destroy();
        assertTrue(first.process.waitFor(60, TimeUnit.SECONDS), first.log.toString());
        assertEquals(143, first.process.exitValue(), "ended by SIGTERM (128 + 15), not killed:\n" + first.log);
    }

    @Test
    void aWorkerKilledInItsPartitionLeavesItToTheOtherWorkerAndTheRowsAreALocalRuns() throws Exception {
        String database = fresh("remote_test_kill");
        // the first worker is killed (SIGKILL) in the middle of its first partition, once it has committed the chunk
        // of its first symbol: its message, unacknowledged, goes back to the queue and to the other worker, which
        // resumes the partition after that chunk
        Child first = worker(database, line -> line.contains("(partition computeResultsWorker:g1-p0")
                && line.contains(": 1 of 2)"));
        Reader reader = new Reader(database);
        Child manager = new Child(options(database, "--compliance.partitioning=remote"), null);
        assertTrue(first.process.waitFor(120, TimeUnit.SECONDS), "the first worker took a partition and was killed:\n"
                + first.log);
        assertEquals(137, first.process.exitValue(), "killed by SIGKILL:\n" + first.log);
        assertTrue(first.log.toString().contains("running partition"), first.log.toString());
        Child second = worker(database, null);
        assertEquals(ExitCodes.OK, manager.waitFor(), manager.log.toString());
        reader.assertSawOnly(NOTHING, snapshot(database));
        assertTrue(second.log.toString().contains("COMPLETED in"), "the second worker ran it:\n" + second.log);
        assertSameTables(localRun(), tables(database));
    }

    @Test
    void aManagerKilledWhileAWorkerRunsItsPartitionRestartsWithTheSameCommand() throws Exception {
        String database = fresh("remote_test_manager");
        java.util.concurrent.atomic.AtomicReference<Process> manager = new java.util.concurrent.atomic.AtomicReference<>();
        // the worker kills the manager (SIGKILL) as soon as it takes a partition; the worker itself goes on
        Child w = worker(database, line -> {
            if (line.contains("running partition") && manager.get() != null) {
                manager.get().destroyForcibly();
            }
            return false;
        });
        Reader reader = new Reader(database);
        List<String> command = options(database, "--compliance.partitioning=remote");
        Child first = new Child(command, null);
        manager.set(first.process);
        assertTrue(first.process.waitFor(120, TimeUnit.SECONDS), "the manager was killed:\n" + first.log);
        assertEquals(137, first.process.exitValue(), "killed by SIGKILL:\n" + first.log);
        manager.set(null);
        Child again = new Child(command, null);
        assertEquals(ExitCodes.OK, again.waitFor(), again.log + "\nworker:\n" + w.log);
        reader.assertSawOnly(NOTHING, snapshot(database));
        assertTrue(again.log.toString().contains("restart of run"), again.log.toString());
        assertSameTables(localRun(), tables(database));
    }

    @Test
    void rabbitMqStoppedWhileTheWorkersRunTheirPartitionsTheRunEndsOnceItIsBack() throws Exception {
        String database = fresh("remote_test_broker_run");
        // as the first worker takes a partition, RabbitMQ stops (its listener goes, the node stays) for 5 s and comes
        // back: the partitions being run go on (their work is in the database); their acknowledgements are lost, so
        // RabbitMQ gives those requests again, and the worker that gets one waits for the partition's claim and finds
        // it completed; the partition still queued is taken once the workers have reconnected
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        List<Throwable> brokerErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        Predicate<String> stopOnFirstPartition = line -> {
            if (line.contains("running partition") && stopped.compareAndSet(false, true)) {
                Thread t = new Thread(() -> {
                    try {
                        broker("stop_app");
                        Thread.sleep(5000);
                        broker("start_app");
                    } catch (Throwable e) {
                        brokerErrors.add(e);
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            return false;
        };
        Child first = worker(database, stopOnFirstPartition);
        Child second = worker(database, stopOnFirstPartition);
        Reader reader = new Reader(database);
        Child manager = new Child(options(database, "--compliance.partitioning=remote"), null);
        assertEquals(ExitCodes.OK, manager.waitFor(), manager.log + "\nworkers:\n" + first.log + second.log);
        assertTrue(stopped.get(), "RabbitMQ was stopped during the run");
        for (int i = 0; i < 200 && brokerStopped; i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), brokerErrors);
        reader.assertSawOnly(NOTHING, snapshot(database));
        assertSameTables(localRun(), tables(database));
        String workers = first.log.toString() + second.log;
        assertEquals(3, count(workers, "COMPLETED in"), "each partition ran once, whatever RabbitMQ redelivered:\n"
                + workers);
    }

    @Test
    void rabbitMqLostBeforeThePartitionsAreSentFailsTheRunCleanlyAndTheSameCommandRestartsItOnceItIsBack()
            throws Exception {
        String database = fresh("remote_test_broker_lost");
        Child w = worker(database, null); // the schema exists once a worker listens
        List<String> command = options(database, "--compliance.partitioning=remote");
        Child failed;
        // the manager passes its broker check and then waits on the tables this connection locks; meanwhile RabbitMQ
        // stops, so the partitions cannot be sent
        try (Connection lock = DriverManager.getConnection(SERVER + database, "root", "");
             Statement s = lock.createStatement()) {
            s.execute("LOCK TABLES deal_watermark WRITE, BATCH_JOB_INSTANCE WRITE");
            CountDownLatch checked = new CountDownLatch(1);
            failed = new Child(command, line -> {
                if (line.contains("remote partitioning: RabbitMQ reachable")) {
                    checked.countDown();
                }
                return false;
            });
            assertTrue(checked.await(120, TimeUnit.SECONDS), "the manager checked the broker:\n" + failed.log);
            broker("stop_app");
            s.execute("UNLOCK TABLES");
        }
        Reader reader = new Reader(database);
        assertEquals(ExitCodes.DATABASE_UNAVAILABLE, failed.waitFor(), failed.log.toString());
        assertTrue(failed.log.toString().contains("BROKER UNAVAILABLE: RabbitMQ at"), failed.log.toString());
        assertTrue(failed.log.toString().contains("run the same command again once RabbitMQ is back"),
                failed.log.toString());
        assertEquals(NOTHING, snapshot(database), "nothing of the failed run is visible");

        broker("start_app");
        Child again = new Child(command, null);
        assertEquals(ExitCodes.OK, again.waitFor(), again.log + "\nworker:\n" + w.log);
        assertTrue(again.log.toString().contains("restart of run"), again.log.toString());
        reader.assertSawOnly(NOTHING, snapshot(database));
        assertSameTables(localRun(), tables(database));
    }

    @Test
    void partitionsNoWorkerTakesFailTheRunAtTheTimeoutAndTheSameCommandRestartsIt() throws Exception {
        String database = fresh("remote_test_timeout");
        List<String> command = new ArrayList<>(options(database, "--compliance.partitioning=remote"));
        command.replaceAll(o -> o.startsWith("--compliance.remote.timeout=") ? "--compliance.remote.timeout=PT15S" : o);
        // no worker: the manager sends its partitions and waits 15 s for them (a worker that died before it updated
        // the job repository looks the same), then fails the run and marks the partitions nobody holds FAILED
        Child alone = new Child(command, null);
        assertEquals(ExitCodes.RUN_FAILED, alone.waitFor(), alone.log.toString());
        assertTrue(alone.log.toString().contains("did not all end within compliance.remote.timeout=PT15S"),
                alone.log.toString());
        assertEquals(NOTHING, snapshot(database), "nothing of the failed run is visible");
        // a worker now: it finds the failed run's requests first and leaves them (their run gave them up); the
        // restart's own requests it runs
        Child w = worker(database, null);
        Child again = new Child(command, null);
        assertEquals(ExitCodes.OK, again.waitFor(), again.log + "\nworker:\n" + w.log);
        assertTrue(again.log.toString().contains("restart of run"), again.log.toString());
        assertEquals(3, count(w.log.toString(), "a stale request, not run"), w.log.toString());
        assertEquals(3, count(w.log.toString(), "COMPLETED in"), w.log.toString());
        assertSameTables(localRun(), tables(database));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aRemoteRunRefusesTheEmbeddedDatabaseAndAnUnreachableBroker() throws Exception {
        Path h2 = java.nio.file.Files.createTempDirectory("remote-h2");
        Child embedded = new Child(List.of("--data-dir=" + Path.of("data").toAbsolutePath(), "--to=2007-03-28",
                "--business-date=2026-11-21", "--compliance.partitioning=remote",
                "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("db") + ";AUTO_SERVER=FALSE"), null);
        assertEquals(ExitCodes.BAD_INPUT, embedded.waitFor(), embedded.log.toString());
        assertTrue(embedded.log.toString().contains("needs a database every process reaches"), embedded.log.toString());

        String database = fresh("remote_test_broker");
        Child noBroker = new Child(options(database, "--compliance.partitioning=remote", "--spring.rabbitmq.port=1"), null);
        assertEquals(ExitCodes.DATABASE_UNAVAILABLE, noBroker.waitFor(), noBroker.log.toString());
        assertTrue(noBroker.log.toString().contains("RabbitMQ at 127.0.0.1:1 cannot be reached")
                || noBroker.log.toString().contains("RabbitMQ at localhost:1 cannot be reached"), noBroker.log.toString());
    }

    @Test
    void aMessageOfAnotherBuildFailsItsPartitionWithAClearMessage() {
        var request = org.debentures.compliance.job.results.PartitionRequest.parse(
                "{\"protocol\":\"debenture-compliance.partition/1\",\"build\":\"0.0.1 2020-01-01T00:00:00Z\","
                        + "\"stepExecutionId\":7,\"stepName\":\"computeResultsWorker\"}");
        assertTrue(request.incompatibility().contains("run the manager and its workers from the same jar"),
                request.incompatibility());
        var same = org.debentures.compliance.job.results.PartitionRequest.of(7, "computeResultsWorker");
        assertEquals(same, org.debentures.compliance.job.results.PartitionRequest.parse(same.toJson()));
        assertEquals(null, same.incompatibility());
        IllegalArgumentException javaSerialized = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> org.debentures.compliance.job.results.PartitionRequest.parse("\u00ac\u00ed\u0000\u0005sr..."));
        assertTrue(javaSerialized.getMessage().startsWith("not a partition request (a JSON object expected)"));
    }
}
