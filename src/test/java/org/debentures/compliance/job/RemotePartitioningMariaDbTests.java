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
 * processes, against MariaDB (127.0.0.1:3306), each process a child JVM of this build. Every output table of a remote
 * run equals a local run's. Without RabbitMQ or MariaDB the class is skipped with a message; under CI ({@code CI=true})
 * it fails, since .ci/run starts both. Each test uses its own queue, so that no stale message of another run reaches it.
 */
class RemotePartitioningMariaDbTests {

    private static final String SERVER = MariaDbServer.URL;
    private final List<Process> processes = new ArrayList<>();
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
        List<String> args = new ArrayList<>(List.of("--data-dir=" + Path.of("data").toAbsolutePath(), "--to=2007-03-28",
                "--business-date=2026-11-21",
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
        assertTrue(expected.get("interest_accrual").size() > 5000, "the tables compared hold the sample's rows");
    }

    @Test
    void aRemoteRunWithTwoWorkersWritesExactlyTheRowsOfALocalRun() throws Exception {
        String database = fresh("remote_test_two");
        Child first = worker(database, null);
        Child second = worker(database, null);
        Child manager = new Child(options(database, "--compliance.partitioning=remote", "--compliance.results.partitions=4"),
                null);
        assertEquals(ExitCodes.OK, manager.waitFor(), manager.log.toString());
        assertSameTables(localRun(), tables(database));
        String workers = first.log.toString() + second.log;
        assertTrue(workers.contains("COMPLETED in"), "a worker ran the partition:\n" + workers);
        // the summary names the worker of each partition (host:pid, as the worker names itself in its log)
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("partitions on workers: g1-p00=(\\S+) COMPLETED;")
                .matcher(manager.log);
        assertTrue(named.find(), manager.log.toString());
        assertTrue(workers.contains("worker " + named.group(1) + ": partition computeResultsWorker:g1-p00"), workers);
        // SIGTERM: a worker ends cleanly when it has no partition running
        first.process.destroy();
        assertTrue(first.process.waitFor(60, TimeUnit.SECONDS), first.log.toString());
        assertEquals(143, first.process.exitValue(), "ended by SIGTERM (128 + 15), not killed:\n" + first.log);
    }

    @Test
    void aWorkerKilledInItsPartitionLeavesItToTheOtherWorkerAndTheRowsAreALocalRuns() throws Exception {
        String database = fresh("remote_test_kill");
        // the first worker to take the partition is killed (SIGKILL) as soon as it logs that it runs it: its message,
        // unacknowledged, goes back to the queue and to the other worker
        Child first = worker(database, line -> line.contains("running partition"));
        Child manager = new Child(options(database, "--compliance.partitioning=remote"), null);
        assertTrue(first.process.waitFor(120, TimeUnit.SECONDS), "the first worker took the partition and was killed:\n"
                + first.log);
        Child second = worker(database, null);
        assertEquals(ExitCodes.OK, manager.waitFor(), manager.log.toString());
        assertTrue(second.log.toString().contains("COMPLETED in"), "the second worker ran it:\n" + second.log);
        assertSameTables(localRun(), tables(database));
    }

    @Test
    void aManagerKilledWhileAWorkerRunsItsPartitionRestartsWithTheSameCommand() throws Exception {
        String database = fresh("remote_test_manager");
        java.util.concurrent.atomic.AtomicReference<Process> manager = new java.util.concurrent.atomic.AtomicReference<>();
        // the worker kills the manager (SIGKILL) as soon as it takes the partition; the worker itself goes on
        Child w = worker(database, line -> {
            if (line.contains("running partition") && manager.get() != null) {
                manager.get().destroyForcibly();
            }
            return false;
        });
        List<String> command = options(database, "--compliance.partitioning=remote");
        Child first = new Child(command, null);
        manager.set(first.process);
        assertTrue(first.process.waitFor(120, TimeUnit.SECONDS), "the manager was killed:\n" + first.log);
        assertEquals(137, first.process.exitValue(), "killed by SIGKILL:\n" + first.log);
        manager.set(null);
        Child again = new Child(command, null);
        assertEquals(ExitCodes.OK, again.waitFor(), again.log + "\nworker:\n" + w.log);
        assertTrue(again.log.toString().contains("restart of run"), again.log.toString());
        assertSameTables(localRun(), tables(database));
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
