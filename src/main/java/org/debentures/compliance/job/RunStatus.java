package org.debentures.compliance.job;

/** Values of {@code job_run.outcome}. */
public enum RunStatus {
    STARTED, COMPLETED, FAILED
}
