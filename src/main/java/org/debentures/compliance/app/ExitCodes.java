package org.debentures.compliance.app;

/** Exit status of a run (documented in the README). */
public final class ExitCodes {
    /** The run completed. Exceptions found in the data do not change this: they are results. */
    public static final int OK = 0;
    /** The run started but failed (database error, inputs that do not reconcile, a bug). Rerun to restart. */
    public static final int RUN_FAILED = 1;
    /** Nothing was done: bad command-line options or deal files. Fix them and run again. */
    public static final int BAD_INPUT = 2;
    /** Nothing was done: another run holds a deal (or the embedded database). Try again when it has finished. */
    public static final int LOCKED = 3;
    /**
     * The reporting database (or, in remote mode, RabbitMQ) could not be reached, or was lost during the run: nothing of
     * the run is visible. Rerun once it is back.
     */
    public static final int DATABASE_UNAVAILABLE = 4;

    /**
     * The run was stopped on request (SIGTERM or SIGINT) at a safe point: recorded {@code STOPPED}, nothing of it
     * visible. Run the same command again: it restarts where it stopped.
     */
    public static final int STOPPED = 5;

    private ExitCodes() {
    }
}
