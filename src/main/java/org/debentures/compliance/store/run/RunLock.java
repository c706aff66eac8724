package org.debentures.compliance.store.run;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * One run at a time per deal (issue #7). On MySQL and MariaDB a named lock per deal and database
 * ({@code GET_LOCK}, {@link LockNames}) held on a dedicated connection for the whole run: the server releases it when
 * the process dies, so a killed run never blocks the next. Elsewhere (H2) a {@code run_lock} row
 * per deal naming its owner (host:pid); a row whose owner process no longer exists on this host is
 * stale and taken over. (A file-mode H2 database is also locked by the process that opened it.)
 */
public final class RunLock implements AutoCloseable {

    /** Another run holds a deal. */
    public static final class Held extends Exception {
        public Held(String message) {
            super(message);
        }
    }

    /** {@code %s}: one {@link #GET_LOCK} per deal, comma separated. */
    private static final String GET_LOCKS = """
            SELECT %s""";
    private static final String GET_LOCK = """
            GET_LOCK(?, 0)""";
    /** {@code %s}: one {@link #RELEASE_LOCK} per deal, comma separated. */
    private static final String RELEASE_LOCKS = """
            SELECT %s""";
    private static final String RELEASE_LOCK = """
            RELEASE_LOCK(?)""";
    private static final String DELETE_STALE_ROW = """
            DELETE FROM run_lock WHERE deal_id = ? AND owner = ?""";
    private static final String INSERT_ROW = """
            INSERT INTO run_lock (deal_id, owner, acquired_at) VALUES (?,?,?)""";
    private static final String OWNER = """
            SELECT owner FROM run_lock WHERE deal_id = ?""";
    private static final String DELETE_ROW = """
            DELETE FROM run_lock WHERE deal_id = ?""";

    private final Connection connection;
    private final boolean namedLocks;
    private final List<String> deals;

    private RunLock(Connection connection, boolean namedLocks, List<String> deals) {
        this.connection = connection;
        this.namedLocks = namedLocks;
        this.deals = deals;
    }

    public static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    public static RunLock acquire(DataSource dataSource, List<String> dealIds) throws SQLException, Held {
        Connection connection = dataSource.getConnection();
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            boolean named = product.contains("mysql") || product.contains("mariadb");
            List<String> taken = new ArrayList<>();
            if (named) {
                for (List<String> group : groups(dealIds)) {
                    String refused = namedLocks(connection, group, taken);
                    if (refused != null) {
                        new RunLock(connection, true, taken).close();
                        throw new Held("deal " + refused + " is being processed by another run; one run at a time:"
                                + " this run is refused");
                    }
                }
                return new RunLock(connection, true, taken);
            }
            for (String deal : dealIds) {
                if (rowLock(connection, deal)) {
                    taken.add(deal);
                } else {
                    String message = "deal " + deal + " is being processed by another run" + (named ? ""
                            : " (" + currentOwner(connection, deal) + ")") + "; one run at a time: this run is refused";
                    new RunLock(connection, named, taken).close();
                    throw new Held(message);
                }
            }
            return new RunLock(connection, named, taken);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Named locks taken or released in one statement (a session may hold many: MariaDB 10.0.2+, MySQL 5.7+). */
    private static final int LOCKS_PER_STATEMENT = 100;

    /** {@code deals} in groups of {@link #LOCKS_PER_STATEMENT}, in order. */
    private static List<List<String>> groups(List<String> deals) {
        List<List<String>> groups = new ArrayList<>();
        for (int start = 0; start < deals.size(); start += LOCKS_PER_STATEMENT) {
            groups.add(deals.subList(start, Math.min(deals.size(), start + LOCKS_PER_STATEMENT)));
        }
        return groups;
    }

    /**
     * Takes the named locks of {@code deals} in one statement, adding those taken to {@code taken};
     * returns the first deal whose lock another session holds, or null when every one was taken.
     */
    private static String namedLocks(Connection c, List<String> deals, List<String> taken) throws SQLException {
        String calls = String.join(", ", java.util.Collections.nCopies(deals.size(), GET_LOCK));
        try (PreparedStatement s = c.prepareStatement(GET_LOCKS.formatted(calls))) {
            for (int i = 0; i < deals.size(); i++) {
                s.setString(i + 1, LockNames.of(c, "deal", deals.get(i)));
            }
            String refused = null;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < deals.size(); i++) {
                    if (rs.getInt(i + 1) == 1) {
                        taken.add(deals.get(i));
                    } else if (refused == null) {
                        refused = deals.get(i);
                    }
                }
            }
            return refused;
        }
    }

    private static boolean rowLock(Connection c, String deal) throws SQLException {
        c.setAutoCommit(true);
        String holder = currentOwner(c, deal);
        if (holder != null) {
            if (!isDeadLocalProcess(holder)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement(DELETE_STALE_ROW)) {
                s.setString(1, deal);
                s.setString(2, holder);
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ROW)) {
            s.setString(1, deal);
            s.setString(2, owner());
            s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            return false; // another run inserted first
        }
    }

    private static String currentOwner(Connection c, String deal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OWNER)) {
            s.setString(1, deal);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** True when the owner ran on this host under a process id that no longer exists. */
    static boolean isDeadLocalProcess(String owner) {
        int colon = owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(owner().substring(0, owner().lastIndexOf(':')))) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(colon + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (namedLocks) {
                for (List<String> group : groups(deals)) {
                    try (PreparedStatement s = connection.prepareStatement(RELEASE_LOCKS.formatted(
                            String.join(", ", java.util.Collections.nCopies(group.size(), RELEASE_LOCK))))) {
                        for (int i = 0; i < group.size(); i++) {
                            s.setString(i + 1, LockNames.of(connection, "deal", group.get(i)));
                        }
                        s.execute();
                    }
                }
                return;
            }
            for (String deal : deals) {
                try (PreparedStatement s = connection.prepareStatement(DELETE_ROW)) {
                    s.setString(1, deal);
                    s.execute();
                }
            }
        } finally {
            connection.close();
        }
    }

}
