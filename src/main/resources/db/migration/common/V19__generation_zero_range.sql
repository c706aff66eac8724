-- The rows written before run generations (V18) are generation 0, which has no results_generation_run
-- row. Give it one, with the range those rows can lie in (every run recorded in job_run), so that a
-- run over a range no generation has reached (a nightly run) knows there is nothing there to replace.
INSERT INTO results_generation_run (generation, job_instance, status, range_from, range_to)
SELECT 0, 0, 'PUBLISHED', MIN(range_from), MAX(range_to) FROM job_run HAVING COUNT(*) > 0;
