-- SPEC §7 v2: CONVERSION_DEFAULT_PAID (Conversion Default amounts paid) is a payment treasury reads with the others.
DROP VIEW treasury_payments;
CREATE VIEW treasury_payments AS
SELECT event_date AS payment_date, event_type, subject AS instrument_id, amount, file_name, line_number
FROM staged_filing
WHERE status = 'ACCEPTED'
  AND event_type IN ('INTEREST_PAID', 'DEFAULT_INTEREST_PAID', 'PENALTY_PAID', 'CONVERSION_DEFAULT_PAID',
                     'PRINCIPAL_REPAID');
