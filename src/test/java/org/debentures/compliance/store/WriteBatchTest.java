package org.debentures.compliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The results writer's queue (issue #9): tables sent one at a time, deletes of a table before its
 * inserts, small tables held back, and the first deletes of a table that was empty dropped. Every
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
        writes.deleteOfKey("market_price", "symbol", "price_date BETWEEN ? AND ?", symbol, Date.valueOf(FROM), Date.valueOf(TO));
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            rows.add(new Object[] {symbol, FROM.plusDays(d), new java.math.BigDecimal(price), 5});
        }
        writes.insert("market_price", COLUMNS, rows, TYPES);
    }

    private void deadline(WriteBatch writes, String deal) {
        writes.deleteOfKey("upcoming_deadline", "deal_id", "as_of_date = ?", deal, Date.valueOf(TO));
        writes.insert("upcoming_deadline", List.of("deal_id", "as_of_date", "due_date", "subject", "obligation", "clause", "detail"),
                List.<Object[]>of(new Object[] {deal, TO, TO.plusDays(3), deal + "-I1", "a payment", "2(a)", "due"}), null);
    }

    private List<String> prices() {
        return jdbc.query("SELECT symbol, COUNT(*), MIN(market_price) FROM market_price GROUP BY symbol ORDER BY symbol",
                (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void onlyTablesWithManyRowsQueuedAreSentAndTheRestWaitForTheFlush() {
        WriteBatch writes = new WriteBatch(jdbc);
        replace(writes, "AAA", 31, "1.5");
        deadline(writes, "DEAL-1");
        long flushes = writes.flushes();
        assertEquals(31 + 1 + 2, writes.pending(), "31 rows and a delete for market_price, a row and a delete for deadlines");

        writes.sendLargeTables(20);

        assertEquals(31, count("market_price"), "market_price had 32 rows and statements queued: sent");
        assertEquals(0, count("upcoming_deadline"), "upcoming_deadline had 2: still queued");
        assertEquals(2, writes.pending());
        assertEquals(flushes, writes.flushes(), "sending some tables is not a flush: a reader of queued rows must still flush");

        writes.flush();
        assertEquals(1, count("upcoming_deadline"));
        assertEquals(0, writes.pending());
        assertEquals(flushes + 1, writes.flushes());
    }

    @Test
    void aTablesDeletesAreSentBeforeItsInsertsSoAReplacementReplaces() {
        WriteBatch first = new WriteBatch(jdbc);
        replace(first, "AAA", 31, "1.5");
        replace(first, "BBB", 10, "2");
        first.flush();

        WriteBatch second = new WriteBatch(jdbc);
        replace(second, "AAA", 20, "3");
        replace(second, "BBB", 31, "4");
        second.sendLargeTables(1);
        second.flush();

        assertEquals(List.of("AAA 20 3", "BBB 31 4"), prices(), "each key's January rows are the second run's");
    }

    @Test
    void firstDeletesOfATableEmptyAtTheStartAreDroppedLaterOnesAreSent() {
        WriteBatch writes = new WriteBatch(jdbc);
        writes.skipDeletesWhileEmpty(List.of("market_price"));
        replace(writes, "AAA", 31, "1.5");
        assertEquals(31, writes.pending(), "the delete of AAA's rows was dropped: the table was empty");
        writes.flush();
        replace(writes, "AAA", 10, "2"); // the same key again: its rows are there now, the delete must go
        assertEquals(11, writes.pending());
        writes.flush();
        assertEquals(List.of("AAA 10 2"), prices(), "the second replacement deleted the first's rows");

        WriteBatch next = new WriteBatch(jdbc);
        next.skipDeletesWhileEmpty(List.of("market_price"));
        replace(next, "AAA", 5, "7");
        assertEquals(6, next.pending(), "the table holds rows now: the delete is sent");
        next.flush();
        assertEquals(List.of("AAA 5 7"), prices());
    }
}
