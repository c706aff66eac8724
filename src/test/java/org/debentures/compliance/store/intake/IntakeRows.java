package org.debentures.compliance.store.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.rules.market.PriceFeed;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for the intake tables' tests, as the intake processors hand them to the writer, and the tables read back as text. */
final class IntakeRows {

    private IntakeRows() {
    }

    /** A price row of {@code feed} from line {@code line} of {@code file}, its raw line "symbol,date,price,volume". */
    static IntakeItem.StagedPrice price(String file, int fileOrder, long line, PriceFeed feed, String symbol,
                                        String date, String price, Long volume) {
        return new IntakeItem.StagedPrice(new RowRef(file, fileOrder, line),
                symbol + "," + date + "," + price + "," + (volume == null ? "" : volume),
                new PriceRow(feed, symbol, LocalDate.parse(date), new BigDecimal(price), volume));
    }

    /** A filings-log row from line {@code line} of {@code file}, its raw line "date,type,subject,amount". */
    static IntakeItem.StagedFiling filing(String file, int fileOrder, long line, FilingEvent event) {
        return new IntakeItem.StagedFiling(new RowRef(file, fileOrder, line), event.date() + "," + event.type() + ","
                + event.subject() + "," + (event.amount() == null ? "" : event.amount().toPlainString()), event);
    }

    static IntakeItem.Reject reject(String file, long line, String feed, String rawLine, String reason) {
        return new IntakeItem.Reject(new RowRef(file, 0, line), feed, rawLine, reason);
    }

    /** {@code input_reject} as "file line feed raw_line: reason", in file and line order. */
    static List<String> rejects(JdbcTemplate jdbc) {
        return jdbc.query("""
                SELECT file_name, line_number, feed, raw_line, reason FROM input_reject ORDER BY file_name, line_number""",
                (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + ": "
                        + rs.getString(5));
    }

    /** {@code staged_price} as "file line status note", in file and line order. */
    static List<String> priceStatuses(JdbcTemplate jdbc) {
        return jdbc.query("""
                SELECT file_name, line_number, status, status_note FROM staged_price ORDER BY file_name, line_number""",
                (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4));
    }

    /** {@code price_restatement} as "feed symbol date new_file new_line", in that order. */
    static List<String> restatementKeys(JdbcTemplate jdbc) {
        return jdbc.query("""
                SELECT feed, symbol, price_date, new_file_name, new_line_number FROM price_restatement
                ORDER BY feed, symbol, price_date, new_file_name, new_line_number""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3).toLocalDate() + " "
                        + rs.getString(4) + " " + rs.getLong(5));
    }
}
