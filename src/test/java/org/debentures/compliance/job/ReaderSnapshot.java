package org.debentures.compliance.job;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a reader of the reporting database sees of the results, in one statement (one snapshot): rows per table, and
 * the sums of the Market Prices and Mandatory Redemption Prices (which a restated price history changes). The
 * visibility tests poll it during runs: a reader must only ever see the whole previous result or the whole new one.
 */
final class ReaderSnapshot {

    static final String QUERY = """
            SELECT (SELECT COUNT(*) FROM market_price), (SELECT COUNT(*) FROM interest_accrual),
                   (SELECT COUNT(*) FROM vwap_test), (SELECT COUNT(*) FROM compliance_exception),
                   (SELECT COUNT(*) FROM interest_due), (SELECT COUNT(*) FROM upcoming_deadline),
                   (SELECT SUM(market_price) FROM market_price),
                   (SELECT SUM(redemption_price) FROM mandatory_redemption_price)
            FROM results_generation""";

    private ReaderSnapshot() {
    }

    static String of(ResultSet rs) throws SQLException {
        return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5)
                + "/" + rs.getLong(6) + "/" + sum(rs.getBigDecimal(7)) + "/" + sum(rs.getBigDecimal(8));
    }

    private static String sum(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
