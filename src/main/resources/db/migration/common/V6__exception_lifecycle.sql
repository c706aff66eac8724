-- Exception lifecycle across runs: an exception keeps its key (code, subject, clause, start date);
-- run_id is the run that last saw it; these record the run that first saw it and the run in
-- which it closed.
ALTER TABLE compliance_exception ADD COLUMN first_seen_run_id BIGINT NULL;
ALTER TABLE compliance_exception ADD COLUMN closed_in_run_id BIGINT NULL;
UPDATE compliance_exception SET first_seen_run_id = run_id;
