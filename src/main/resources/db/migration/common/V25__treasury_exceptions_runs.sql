-- Issue 22: the report site's "what changed since the previous run" for treasury readers needs the runs that opened
-- and closed each exception. The treasury view gains those two columns; its rows (the codes treasury may see) and
-- the columns it never shows (nothing from the filings log) are unchanged.
DROP VIEW treasury_exceptions;

CREATE VIEW treasury_exceptions AS
SELECT code, severity, subject, clause, start_date, end_date, status, message, first_seen_run_id, closed_in_run_id
FROM compliance_exception
WHERE code IN ('EVENT_OF_DEFAULT', 'INTEREST_UNPAID', 'DEFAULT_INTEREST_OVERDUE', 'CONVERSION_DEFAULT',
               'FILING_LATE', 'EFFECTIVENESS_LATE', 'SALES_UNAVAILABLE', 'ALLOWED_DELAY_EXCEEDED',
               'COVERAGE_AMENDMENT_LATE');
