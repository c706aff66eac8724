package org.debentures.compliance.store.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One worker at a time on a partition (issue 21): a MySQL/MariaDB named lock per partition step execution (and database:
 * {@link LockNames}), held on a dedicated connection while a worker runs it. RabbitMQ gives a request to another worker whenever the connection of
 * the worker that holds it is lost, which happens when the worker dies but also when the broker restarts under a live
 * worker; the claim makes the second worker wait until the first has finished (or died: the server releases a dead
 * session's locks), and it then reads the partition's status again instead of running it a second time beside the
 * first.
 */
public final class PartitionClaim implements AutoCloseable {

    /** Waits at most {@code ?} seconds; 1 when taken, 0 on timeout. */
    private static final String GET_LOCK = """
            SELECT GET_LOCK(?, ?)""";
    private static final String RELEASE_LOCK = """
            SELECT RELEASE_LOCK(?)""";

    private final Connection connection;
    private final String name;

    private PartitionClaim(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** The claim on partition {@code stepExecutionId}, waiting at most {@code wait}; {@code null} when not taken in time. */
    public static PartitionClaim take(DataSource dataSource, long stepExecutionId, Duration wait) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            String name = LockNames.of(connection, "partition", Long.toString(stepExecutionId));
            connection.setAutoCommit(true);
            try (PreparedStatement s = connection.prepareStatement(GET_LOCK)) {
                s.setString(1, name);
                s.setLong(2, Math.max(0, wait.toSeconds()));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return new PartitionClaim(connection, name);
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RELEASE_LOCK)) {
            s.setString(1, name);
            s.execute();
        } finally {
            connection.close();
        }
    }
}
