-- A reader keeps its per-file record counts in its step's execution context (intake reconciliation):
-- with a feed delivered as one file a day for years that is more than TEXT's 64 KB. MEDIUMTEXT
-- holds 16 MB. (H2's LONGVARCHAR has no such limit.)
ALTER TABLE BATCH_STEP_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
ALTER TABLE BATCH_JOB_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
