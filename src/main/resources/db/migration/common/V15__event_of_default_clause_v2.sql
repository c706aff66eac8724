-- SPEC §8 and §10 version 2: EVENT_OF_DEFAULT rows name the clause they arise under as written in the
-- Debenture, 6(d)(i) .. 6(d)(x) ("6(d)(iii)", not "Debenture 6(d)(iii)"). The clause is part of an
-- exception's key (code, subject, clause, start date), so stored runs take the new name and the next run
-- updates them in place instead of leaving the old key behind.
UPDATE compliance_exception SET clause = '6(d)(iii)' WHERE code = 'EVENT_OF_DEFAULT' AND clause = 'Debenture 6(d)(iii)';
UPDATE compliance_exception SET clause = '6(d)(v)' WHERE code = 'EVENT_OF_DEFAULT' AND clause = 'Debenture 6(d)(v)';
UPDATE mandatory_redemption_price SET clauses = REPLACE(clauses, 'Debenture 6(d)', '6(d)');
