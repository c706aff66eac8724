package org.debentures.compliance.job;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB (or MySQL) server the MariaDB test classes use: 127.0.0.1:3306, user root, no
 * password. Without a server those classes are skipped with a message; under CI ({@code CI=true})
 * they fail, since .ci/run starts the server.
 */
public final class MariaDbServer {

    public static final String URL = "jdbc:mysql://127.0.0.1:3306/";

    private MariaDbServer() {
    }

    /** Runs {@code sql} on the server as root, or skips (fails under CI) the calling class when it is not there. */
    public static void executeOrSkip(String sql) {
        try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String why = "MariaDB/MySQL not reachable on 127.0.0.1:3306 as root (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI must run this suite: .ci/run starts the server");
            }
            Assumptions.abort("skipped: " + why);
        }
    }
}
