-- Filings log version 2 (SPEC §12): three optional columns, empty (NULL) where a type does not use
-- them. clause: an Event of Default clause 6(d)(i) .. 6(d)(xi) or a 4(h) exemption 4(h)(i) .. 4(h)(v);
-- period_end and effective_date: dates. Rows of a log without them (version 1) have NULL in all three.
-- The legal_filings and treasury_payments views (V8) list their columns and are left as they are.
-- Version 16, not 13: main already has V14 and V15 (SPEC v2 work there), and a version below a database's
-- current one would be refused by Flyway on a database migrated from main.
ALTER TABLE staged_filing ADD COLUMN clause VARCHAR(40) NULL;
ALTER TABLE staged_filing ADD COLUMN period_end DATE NULL;
ALTER TABLE staged_filing ADD COLUMN effective_date DATE NULL;
