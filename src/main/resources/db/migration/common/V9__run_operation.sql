-- Production operation (issue #7): who holds a deal (one run at a time), and more of the run record.
CREATE TABLE run_lock (
    deal_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner        VARCHAR(200) NOT NULL,   -- host:pid of the process holding it
    acquired_at  TIMESTAMP    NOT NULL
);
ALTER TABLE job_run ADD COLUMN duration_ms BIGINT NULL;
ALTER TABLE job_run ADD COLUMN owner VARCHAR(200) NULL;
ALTER TABLE job_run ADD COLUMN restart_of BIGINT NULL;   -- the failed execution this one restarted
ALTER TABLE job_run ADD COLUMN exit_message VARCHAR(2000) NULL;
