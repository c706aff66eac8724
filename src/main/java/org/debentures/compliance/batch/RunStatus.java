package org.debentures.compliance.batch;

/** Values of {@code job_run.outcome}. */
public enum RunStatus {
    STARTED, COMPLETED, FAILED
}
