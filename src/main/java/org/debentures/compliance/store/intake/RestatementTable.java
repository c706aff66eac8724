package org.debentures.compliance.store.intake;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.Restatement;
import org.debentures.compliance.rules.market.PriceFeed;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of {@code price_restatement}: the vendor corrections resolution found (SPEC §2), one row per
 * correcting row. The results step reads them with {@link IntakeFacts#restatements}.
 */
public final class RestatementTable {

    private static final String INSERT = """
            INSERT INTO price_restatement (feed, symbol, price_date, old_price, old_file_name, old_line_number,
                                           new_price, new_file_name, new_line_number, message)
            VALUES (?,?,?,?,?,?,?,?,?,?)""";
    private static final String DELETE_KEY = """
            DELETE FROM price_restatement WHERE feed = ? AND symbol = ? AND price_date = ?""";
    private static final String DELETE_FEED = """
            DELETE FROM price_restatement WHERE feed = ?""";

    private final JdbcTemplate jdbc;

    public RestatementTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the corrections, each with both values, both rows and its {@code PRICE_RESTATED} message. */
    public void write(List<Restatement> restatements) {
        List<Object[]> rows = new ArrayList<>();
        for (Restatement r : restatements) {
            PriceRow old = r.previous().row();
            rows.add(new Object[] {old.feed().name(), old.symbol(), Date.valueOf(old.date()), old.price(),
                    r.previous().ref().fileName(), r.previous().ref().line(), r.replacement().row().price(),
                    r.replacement().ref().fileName(), r.replacement().ref().line(), r.toFinding().message()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /** Forgets the corrections of the given keys of {@code feed} (resolution looks at their rows again). */
    void clear(PriceFeed feed, List<StagedPriceTable.PriceKey> keys) {
        jdbc.batchUpdate(DELETE_KEY, keys.stream()
                .map(k -> new Object[] {feed.name(), k.symbol(), Date.valueOf(k.date())}).toList());
    }

    /** Forgets every correction of {@code feed}. */
    void clear(PriceFeed feed) {
        jdbc.update(DELETE_FEED, feed.name());
    }
}
