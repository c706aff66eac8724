package org.debentures.compliance.job;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@link AbstractPartitionedResultsTests} on the embedded default, a file H2 database. */
@TestPropertySource(properties = {AbstractPartitionedResultsTests.PARTITIONS,
        AbstractPartitionedResultsTests.ONE_SYMBOL_A_CHUNK})
class PartitionedResultsTests extends AbstractPartitionedResultsTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        freshFileH2(registry, "partitioned");
    }

    /** Refuses Market Price rows of {@link #FAULTY_SYMBOL}. */
    public static final class RefuseFaultySymbol implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (newRow != null && FAULTY_SYMBOL.equals(newRow[0])) {
                throw new SQLException("injected fault: no Market Price rows of " + FAULTY_SYMBOL);
            }
        }
    }

    @Override
    void injectFault() {
        jdbc.execute("CREATE TRIGGER refuse_faulty_symbol BEFORE INSERT ON market_price_data FOR EACH ROW CALL '"
                + RefuseFaultySymbol.class.getName() + "'");
    }

    @Override
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_faulty_symbol");
    }
}
