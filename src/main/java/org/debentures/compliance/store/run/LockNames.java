package org.debentures.compliance.store.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The names of the job's MySQL/MariaDB named locks ({@code GET_LOCK}). A named lock belongs to the server, not to a
 * database: the name carries the connection's database, so that two reporting databases on one server (production and
 * a rehearsal, two funds, the test suite beside a run) never refuse or wait for each other's runs and partitions
 * (found in this session: the test suite's runs were refused with exit 3 while a kill test ran the same deal in
 * another database of the server). A name longer than the server's 64 characters is shortened to a digest of it.
 */
final class LockNames {

    /** MySQL's limit (5.7 and later) on a lock name, in characters; MariaDB allows more. */
    static final int MAX_LENGTH = 64;
    private static final String PREFIX = "debenture-compliance:";

    private LockNames() {
    }

    /** The name of the lock on {@code kind} {@code key} (a deal, a partition) in the database of {@code connection}. */
    static String of(Connection connection, String kind, String key) throws SQLException {
        String database = connection.getCatalog();
        return of(database == null ? "" : database, kind, key);
    }

    static String of(String database, String kind, String key) {
        String name = PREFIX + database + ":" + kind + ":" + key;
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return PREFIX + hex.substring(0, MAX_LENGTH - PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
