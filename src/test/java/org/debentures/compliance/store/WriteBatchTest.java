package org.debentures.compliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.debentures.compliance.store.output.ResultGenerations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The results writer's queue under run generations (issue 18): a run's rows and replacements are
 * invisible until its generation is published, then all visible at once; the replaced rows are
 * deleted by the keys noted; a run that never published is removed when the next one begins. Every
 * case must leave the rows that replacing the keys one after another leaves.
 */
class WriteBatchTest extends StoreTest {

    private static final List<String> COLUMNS = List.of("symbol", "price_date", "market_price", "window_trading_days");
    private static final int[] TYPES = {Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.INTEGER};
    private static final LocalDate FROM = LocalDate.parse("2003-01-01");
    private static final LocalDate TO = LocalDate.parse("2003-01-31");

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("write-batch");
    }

    /** Queues the replacement of {@code symbol}'s Market Prices in January 2003 by {@code days} rows of {@code price}. */
    private static void replace(WriteBatch writes, String symbol, int days, String price) {
        writes.replace("market_price", "symbol", "price_date BETWEEN ? AND ?", symbol, Date.valueOf(FROM), Date.valueOf(TO));
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            rows.add(new Object[] {symbol, FROM.plusDays(d), new java.math.BigDecimal(price), 5});
        }
        writes.insert("market_price", COLUMNS, rows, TYPES);
    }

    /** What a reader of the view sees: per symbol, the rows and the lowest price. */
    private List<String> prices() {
        return jdbc.query("SELECT symbol, COUNT(*), MIN(market_price) FROM market_price GROUP BY symbol ORDER BY symbol",
                (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void aRunsRowsAreInvisibleUntilItsGenerationIsPublishedThenAllVisibleAtOnce() {
        WriteBatch first = newRun(jdbc);
        replace(first, "AAA", 31, "1.5");
        replace(first, "BBB", 31, "2");
        publish(jdbc, first);
        assertEquals(List.of("AAA 31 1.5", "BBB 31 2"), prices());

        // a rerun of January: AAA with 20 days at 3, BBB with none; sent, not published
        WriteBatch rerun = newRun(jdbc);
        replace(rerun, "AAA", 20, "3");
        replace(rerun, "BBB", 0, "0");
        rerun.flush();
        assertEquals(List.of("AAA 31 1.5", "BBB 31 2"), prices(), "a reader still sees the whole previous result");
        assertEquals(31 + 31 + 20, count("market_price_data"), "the new rows are there, beside the ones they replace");

        new ResultGenerations(jdbc).publish(rerun.generation());
        assertEquals(List.of("AAA 20 3"), prices(), "and then the whole new one: AAA replaced, BBB's rows gone");
        assertEquals(62, new ResultGenerations(jdbc).pruneReplaced(), "the 31 + 31 replaced rows are deleted");
        assertEquals(20, count("market_price_data"));
        assertEquals(0, count("results_replaced_key"), "the noted keys are forgotten once pruned");
    }

    @Test
    void aReplacementLeavesRowsOutsideItsConditionAndOtherKeys() {
        WriteBatch first = newRun(jdbc);
        replace(first, "AAA", 31, "1.5");
        first.insert("market_price", COLUMNS, List.<Object[]>of(new Object[] {"AAA", LocalDate.parse("2002-12-31"),
                new java.math.BigDecimal("9"), 5}), TYPES);
        replace(first, "CCC", 10, "4");
        publish(jdbc, first);

        WriteBatch rerun = newRun(jdbc);
        replace(rerun, "AAA", 5, "2");
        publish(jdbc, rerun);
        // AAA: December's row stays (outside the range) beside 5 new January rows; CCC untouched
        assertEquals(List.of("AAA 6 2", "CCC 10 4"), prices());
        assertEquals(16, count("market_price_data"));
    }

    @Test
    void aTableWithNoRowOfAnEarlierGenerationIsNotMarkedAndTheResultIsTheSame() {
        WriteBatch first = newRun(jdbc);
        Set<String> empty = WriteBatch.nothingOlder(jdbc, first.generation(), List.of("market_price", "upcoming_deadline"));
        assertEquals(Set.of("market_price", "upcoming_deadline"), empty, "a new database: nothing older anywhere");
        WriteBatch batch = new WriteBatch(jdbc, first.generation(), empty, new WriteBatch.SendTimes());
        replace(batch, "AAA", 31, "1.5");
        assertEquals(31, batch.pending(), "the replacement was dropped: 31 rows queued and no mark");
        publish(jdbc, batch);
        assertEquals(List.of("AAA 31 1.5"), prices());

        WriteBatch second = newRun(jdbc);
        assertEquals(Set.of("upcoming_deadline"), WriteBatch.nothingOlder(jdbc, second.generation(),
                List.of("market_price", "upcoming_deadline")), "market_price now has rows of generation 1");
    }

    @Test
    void aRunThatNeverPublishedIsRemovedWhenTheNextRunBeginsAndItsMarksUndone() {
        WriteBatch first = newRun(jdbc);
        replace(first, "AAA", 31, "1.5");
        publish(jdbc, first);

        WriteBatch killed = newRun(jdbc); // replaces AAA, sends, and is never published
        replace(killed, "AAA", 3, "7");
        killed.flush();
        assertEquals(31 + 3, count("market_price_data"));
        assertEquals(31, jdbc.queryForObject("SELECT COUNT(*) FROM market_price_data WHERE replaced_by = ?", Integer.class,
                killed.generation()));

        WriteBatch next = newRun(jdbc); // another job instance begins: the killed run's generation goes
        assertEquals(31, count("market_price_data"), "its 3 rows deleted");
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM market_price_data WHERE replaced_by IS NOT NULL",
                Integer.class), "its marks undone");
        assertEquals("ABANDONED", jdbc.queryForObject(
                "SELECT status FROM results_generation_run WHERE generation = ?", String.class, killed.generation()));
        replace(next, "AAA", 2, "8");
        publish(jdbc, next);
        assertEquals(List.of("AAA 2 8"), prices(), "the next run publishes its own result, nothing of the killed one");
    }

    @Test
    void aRestartedRunWritesUnderTheGenerationItBeganWith() {
        ResultGenerations generations = new ResultGenerations(jdbc);
        long began = generations.begin(42);
        assertEquals(began, generations.begin(42), "the same job instance, restarted: the same generation");
        assertEquals(began + 1, generations.begin(43), "another job instance: a new one (and 42's is abandoned)");
        assertEquals(began + 2, generations.begin(42), "42 restarted after that: its generation is gone, a new one");
    }

    @Test
    void thePruneOfADailyTableLooksForTheReplacedRowsInTheRunsRange() {
        WriteBatch first = newRun(jdbc);
        replace(first, "AAA", 31, "1.5");
        publish(jdbc, first);
        // a run of January 2003: the prune deletes the 31 rows it replaced, by symbol and price date
        ResultGenerations generations = new ResultGenerations(jdbc);
        WriteBatch january = new WriteBatch(jdbc, generations.begin(77, FROM, TO));
        replace(january, "AAA", 10, "2");
        january.flush();
        generations.publish(january.generation());
        assertEquals(31, generations.pruneReplaced());
        assertEquals(10, count("market_price_data"));
        assertEquals(List.of("AAA 10 2"), prices());
    }
}
