package org.debentures.compliance.store.intake;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.rules.market.PriceRestatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the results step reads from the intake tables, as known on a run's last day: a symbol's
 * current prices ({@code staged_price}), the accepted filings-log events ({@code staged_filing}) and
 * the vendor corrections ({@code price_restatement}). It changes none of them. One object serves one
 * run of the step, whose every key asks for its subjects' events and its symbol's corrections:
 * those are read once (they are small next to the price history, which is read symbol by symbol and
 * never held all at once). Safe for the step's worker threads.
 */
public final class IntakeFacts {

    private static final String CURRENT_PRICES = """
            SELECT feed, price_date, price, volume FROM staged_price
            WHERE symbol = ? AND status = 'ACCEPTED' AND price_date <= ?
            ORDER BY feed, price_date""";
    private static final String FILINGS_LOG = """
            SELECT * FROM staged_filing WHERE status = 'ACCEPTED' ORDER BY event_date, file_order, line_number""";
    private static final String RESTATEMENTS = """
            SELECT symbol, feed, price_date, message FROM price_restatement WHERE price_date BETWEEN ? AND ?
            ORDER BY price_date, feed, new_file_name, new_line_number""";

    private final JdbcTemplate jdbc;

    /** The accepted filings-log events by subject, in date then read order; null until first asked. */
    private Map<String, List<FilingEvent>> filingsLog;
    /** The vendor corrections of {@link #restatementsRange}, by symbol, in date then feed order. */
    private Map<String, List<PriceRestatement>> rangeRestatements;
    private List<LocalDate> restatementsRange;

    public IntakeFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current prices of every feed for {@code symbol} as of {@code asOf}, each feed in date order: one read. */
    public Map<PriceFeed, List<PriceRow>> currentPrices(String symbol, LocalDate asOf) {
        Map<PriceFeed, List<PriceRow>> byFeed = new EnumMap<>(PriceFeed.class);
        for (PriceFeed feed : PriceFeed.values()) {
            byFeed.put(feed, new ArrayList<>());
        }
        PriceFeed[] last = {null};
        String[] lastName = {null};
        jdbc.query(CURRENT_PRICES, rs -> {
            String name = rs.getString(1);
            if (!name.equals(lastName[0])) { // rows come feed by feed
                last[0] = PriceFeed.valueOf(name);
                lastName[0] = name;
            }
            long volume = rs.getLong(4);
            Long nullableVolume = rs.wasNull() ? null : volume; // right after its read: wasNull is of the last column read
            byFeed.get(last[0]).add(new PriceRow(last[0], symbol, rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                    nullableVolume));
        }, symbol, Date.valueOf(asOf));
        return byFeed;
    }

    /**
     * Accepted filings events of the given types about {@code subject}, dated on or before {@code asOf},
     * in date then read order: from the whole (small) filings log, read the first time any is asked.
     */
    public List<FilingEvent> events(String subject, List<EventType> types, LocalDate asOf) {
        List<FilingEvent> all = filingsLog().getOrDefault(subject, List.of());
        return all.stream().filter(e -> types.contains(e.type()) && !e.date().isAfter(asOf)).toList();
    }

    /**
     * The vendor corrections of {@code symbol} for price dates in {@code [from, to]}, in date then feed
     * order: from those of the whole range, read once (few: corrections are rare) and read again only
     * when another range is asked.
     */
    public synchronized List<PriceRestatement> restatements(String symbol, LocalDate from, LocalDate to) {
        if (!List.of(from, to).equals(restatementsRange)) {
            Map<String, List<PriceRestatement>> bySymbol = new HashMap<>();
            jdbc.query(RESTATEMENTS, rs -> {
                bySymbol.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PriceRestatement(
                        rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)));
            }, Date.valueOf(from), Date.valueOf(to));
            rangeRestatements = bySymbol;
            restatementsRange = List.of(from, to);
        }
        return rangeRestatements.getOrDefault(symbol, List.of());
    }

    private synchronized Map<String, List<FilingEvent>> filingsLog() {
        if (filingsLog == null) {
            Map<String, List<FilingEvent>> bySubject = new HashMap<>();
            jdbc.query(FILINGS_LOG, rs -> {
                FilingEvent e = IntakeSql.filing(rs);
                bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e);
            });
            filingsLog = bySubject;
        }
        return filingsLog;
    }
}
