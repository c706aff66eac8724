package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.debentures.compliance.app.ComplianceRunService;
import org.debentures.compliance.app.ExitCodes;
import org.debentures.compliance.app.RunOptions;
import org.debentures.compliance.store.output.ResultGenerations;
import org.debentures.compliance.tools.sample.PortfolioGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the results step is a partitioned step, and its partitions commit their own chunks, yet
 * readers of the database never see a half-written range, a failed partition is restarted alone,
 * and the restart ends with the rows of an uninterrupted run. On a generated portfolio of six
 * symbols in three partitions, one symbol a chunk (so a range is written in many commits).
 * Subclasses give the database.
 */
abstract class AbstractPartitionedResultsTests extends WholeJobTest {

    static final String PARTITIONS = "compliance.results.partitions=3";
    /** One symbol a chunk: a range written in many commits. */
    static final String ONE_SYMBOL_A_CHUNK = "compliance.results.symbols-per-chunk=1";
    /** The symbol whose Market Price rows the injected fault refuses. */
    static final String FAULTY_SYMBOL = "S003";

    private Path portfolio;

    @BeforeEach
    void portfolioAndEmptyTables() {
        portfolio = tmp.resolve("portfolio");
        PortfolioGenerator.main(new String[] {portfolio.toString(), "7", "6", "20", "--through=2003-12-31"});
        deals.clear();
        for (String table : ResultGenerations.TABLE_KEYS.keySet()) {
            jdbc.update("DELETE FROM " + rowsOf(table));
        }
        for (String table : List.of("deal_watermark", "input_reject", "staged_file")) {
            jdbc.update("DELETE FROM " + table);
        }
        removeFault();
    }

    /** Makes every insert of {@link #FAULTY_SYMBOL}'s Market Prices fail (a trigger on the table that holds them). */
    abstract void injectFault();

    abstract void removeFault();

    private ComplianceRunService.Outcome run(String from, String to) {
        return runs.run(new RunOptions(portfolio, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.of(LocalDate.parse(to)), Optional.empty(), LocalDate.parse("2004-01-01")));
    }

    /** The vendor's 2003 closing bids again, every one of them doubled (a restated history). */
    private void doubleTheClosingBidsOf2003() throws java.io.IOException {
        Path file = portfolio.resolve("prices/closing-bid/history-2003.csv");
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(file));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            cells[2] = new java.math.BigDecimal(cells[2]).multiply(java.math.BigDecimal.valueOf(2)).toPlainString();
            lines.set(i, String.join(",", cells));
        }
        java.nio.file.Files.write(file, lines);
    }

    /**
     * What a reader sees of the results, in one statement (one snapshot): rows per table, and the sums
     * of the Market Prices and Mandatory Redemption Prices (which a restated price history changes).
     */
    private String fingerprint() {
        return jdbc.queryForObject(ReaderSnapshot.QUERY, (rs, i) -> ReaderSnapshot.of(rs));
    }

    /** Every row of the output tables (run columns left out: they name runs by design), table by table. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String table : ResultGenerations.TABLE_KEYS.keySet()) {
            List<String> rows = new ArrayList<>();
            jdbc.query("SELECT * FROM " + table, rs -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    String column = rs.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT);
                    if (!column.endsWith("run_id")) {
                        Object value = rs.getObject(c);
                        row.append(value instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : value)
                                .append('|');
                    }
                }
                rows.add(row.toString());
            });
            rows.sort(null);
            all.put(table, rows);
        }
        return all;
    }

    /** Polls {@link #fingerprint} on another thread while {@code run} runs; returns what it saw, in order, deduplicated. */
    private List<String> pollWhile(Runnable run, int[] polls) throws InterruptedException {
        Set<String> seen = new LinkedHashSet<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> errors = new ArrayList<>();
        Thread poller = new Thread(() -> {
            while (!done.get()) {
                try {
                    seen.add(fingerprint());
                    polls[0]++;
                } catch (RuntimeException e) {
                    errors.add(e);
                    return;
                }
            }
        }, "reader");
        poller.start();
        try {
            run.run();
        } finally {
            done.set(true);
            poller.join();
        }
        assertEquals(List.of(), errors);
        return new ArrayList<>(seen);
    }

    @Test
    void aReaderPollingDuringARunSeesTheWholePreviousResultOrTheWholeNewOne() throws Exception {
        String empty = fingerprint();
        int[] polls = {0};
        List<String> first = pollWhile(() -> assertEquals(ExitCodes.OK, run(null, "2003-12-31").exitCode()), polls);
        String full = fingerprint();
        assertNotEquals(empty, full);
        assertTrue(polls[0] > 20, "the reader polled during the run: " + polls[0]);
        assertTrue(List.of(empty, full).containsAll(first), "first run, a reader saw: " + first);

        // a rerun of 2003 after the vendor restated its closing bids: other Market and Redemption Prices
        doubleTheClosingBidsOf2003();
        polls[0] = 0;
        List<String> rerun = pollWhile(() -> assertEquals(ExitCodes.OK, run("2003-01-01", "2003-12-31").exitCode()),
                polls);
        String changed = fingerprint();
        assertNotEquals(full, changed, "the rerun changes what a reader sees");
        assertTrue(polls[0] > 20, "the reader polled during the rerun: " + polls[0]);
        assertTrue(List.of(full, changed).containsAll(rerun), "rerun, a reader saw: " + rerun);
    }

    @Test
    void aFailedPartitionIsRestartedAloneAndTheRestartEndsWithTheRowsOfAnUninterruptedRun() {
        assertEquals(ExitCodes.OK, run(null, "2003-12-31").exitCode());
        Map<String, List<String>> uninterrupted = rows();
        portfolioAndEmptyTables();

        injectFault();
        ComplianceRunService.Outcome failed = run(null, "2003-12-31");
        assertEquals(ExitCodes.RUN_FAILED, failed.exitCode(), failed.text());
        List<String> partitions = jdbc.queryForList("""
                SELECT CONCAT(STEP_NAME, ' ', STATUS) FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'computeResultsWorker:%' ORDER BY STEP_NAME""",
                String.class, failed.runId());
        assertEquals(3, partitions.size(), partitions.toString());
        assertEquals(1, partitions.stream().filter(p -> p.endsWith(" FAILED")).count(), partitions.toString());
        assertEquals("0/0/0/0/0/0/-/-", fingerprint(), "nothing of the failed run is visible");

        removeFault();
        ComplianceRunService.Outcome restarted = run(null, "2003-12-31");
        assertEquals(ExitCodes.OK, restarted.exitCode(), restarted.text());
        List<String> rerunPartitions = jdbc.queryForList("""
                SELECT STEP_NAME FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'computeResultsWorker:%'""", String.class,
                restarted.runId());
        assertEquals(1, rerunPartitions.size(), "only the failed partition ran again: " + rerunPartitions);
        assertEquals(uninterrupted, rows());
    }

    @Test
    void aRunRestartedAfterAnotherRunRemovedItsGenerationComputesEveryPartitionAgain() {
        // the reference: the same three runs, none failing (the run of the first half-year adds its
        // own as-of rows: deadlines and readiness as of 2003-06-30)
        assertEquals(ExitCodes.OK, run(null, "2003-12-31").exitCode());
        assertEquals(ExitCodes.OK, run("2003-01-01", "2003-06-30").exitCode());
        assertEquals(ExitCodes.OK, run(null, "2003-12-31").exitCode());
        Map<String, List<String>> uninterrupted = rows();
        portfolioAndEmptyTables();

        injectFault();
        assertEquals(ExitCodes.RUN_FAILED, run(null, "2003-12-31").exitCode());
        removeFault();
        // a run of another range meanwhile removes the failed run's unpublished generation (its rows
        // would otherwise become visible with the next generation published) and publishes its own
        assertEquals(ExitCodes.OK, run("2003-01-01", "2003-06-30").exitCode());
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM results_generation_run WHERE status = 'ABANDONED'",
                Integer.class));

        ComplianceRunService.Outcome restarted = run(null, "2003-12-31");
        assertEquals(ExitCodes.OK, restarted.exitCode(), restarted.text());
        assertEquals(3, jdbc.queryForObject("""
                SELECT COUNT(*) FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'computeResultsWorker:%'""", Integer.class,
                restarted.runId()), "every partition ran again, under a new generation");
        assertEquals(uninterrupted, rows());
    }
}
