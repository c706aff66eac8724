package org.debentures.compliance.app;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Tells a database that cannot be reached (or was lost) from other failures, and says so plainly. */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    public static boolean isDatabaseFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))
                    || t.getClass().getName().endsWith("CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /** True when an embedded H2 database file is held by another process. */
    public static boolean isDatabaseInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }

    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "DATABASE UNAVAILABLE: the reporting database cannot be reached or the connection was lost ("
                + root.getClass().getSimpleName() + ": " + root.getMessage() + ").\n";
    }
}
