-- Audience views (issue #6): legal_* and treasury_* are what the reporting user may read.
-- Every accrual and exception row shows the clause and the inputs it came from. Treasury views never
-- show filings-log notes or Allowed Delay reasons (possibly material non-public information).

CREATE VIEW legal_exceptions AS
SELECT code, severity, subject, clause, start_date, end_date, status, message,
       first_seen_run_id, run_id AS last_seen_run_id, closed_in_run_id
FROM compliance_exception;

CREATE VIEW legal_registration_default_days AS
SELECT agreement_id, default_date, reasons, day_index, rate, explanation,
       'RRA 2(d)' AS clause
FROM registration_default_day;

CREATE VIEW legal_upcoming_deadlines AS
SELECT deal_id, as_of_date, due_date, subject, obligation, clause, amount, detail
FROM upcoming_deadline;

CREATE VIEW legal_conversion_readiness AS
SELECT c.instrument_id, c.as_of_date, c.condition_id, c.description, c.state, c.met_since, c.evidence,
       r.checked_conditions_met, r.notice_date, r.earliest_conversion_date
FROM conversion_readiness_condition c
JOIN conversion_readiness r ON r.instrument_id = c.instrument_id AND r.as_of_date = c.as_of_date;

CREATE VIEW legal_vwap_test AS
SELECT instrument_id, trade_date, vwap, threshold, above, window_count, met, window_start, reading,
       conversion_price, threshold_percent_of, threshold_excess_over, margin_percent_of, margin_excess_over,
       'Debenture 5(c)(ii)' AS clause
FROM vwap_test;

CREATE VIEW legal_filings AS
SELECT file_name, line_number, event_date, event_type, subject, amount, shares, ratio, price, document, note, status
FROM staged_filing;

CREATE VIEW legal_readings AS
SELECT r.run_id, j.run_kind, j.range_from, j.range_to, j.outcome, r.deal_id, r.switch_name, r.switch_value
FROM job_run_reading r
JOIN job_run j ON j.run_id = r.run_id;

CREATE VIEW legal_input_rejects AS
SELECT file_name, line_number, feed, raw_line, reason
FROM input_reject;

CREATE VIEW treasury_penalty_accruals AS
SELECT instrument_id, holder, accrual_date, kind, base_amount, rate, amount, clause, explanation
FROM penalty_accrual;

CREATE VIEW treasury_penalty_balance AS
SELECT instrument_id, holder, kind, accrual_month, as_of_date, accrued, amount_due, amount_paid, outstanding
FROM penalty_balance;

CREATE VIEW treasury_interest_accruals AS
SELECT instrument_id, accrual_date, principal, compounded_interest, interest_base, regular_interest,
       late_interest, default_interest, accrued_unpaid_interest,
       'Debenture 2(a) regular interest; 2(b) default interest' AS clause
FROM interest_accrual;

CREATE VIEW treasury_interest_due AS
SELECT instrument_id, due_date, period_start, period_days, amount_due, amount_paid, paid_date, adjusted_due_date, status,
       'Debenture 2(a)' AS clause
FROM interest_due;

CREATE VIEW treasury_default_interest AS
SELECT instrument_id, accrual_month, accrued, amount_due, due_by, amount_paid, paid_date,
       'Debenture 2(b)' AS clause
FROM default_interest_month;

CREATE VIEW treasury_payments AS
SELECT event_date AS payment_date, event_type, subject AS instrument_id, amount, file_name, line_number
FROM staged_filing
WHERE status = 'ACCEPTED'
  AND event_type IN ('INTEREST_PAID', 'DEFAULT_INTEREST_PAID', 'PENALTY_PAID', 'PRINCIPAL_REPAID');

CREATE VIEW treasury_conversions AS
SELECT instrument_id, conversion_date, reference, principal_converted, conversion_price, shares_due, shares_logged,
       delivery_date, delivered_on, default_days, 'Debenture 3(c)-(e)' AS clause
FROM conversion_delivery;

CREATE VIEW treasury_redemption_prices AS
SELECT instrument_id, price_date, clauses, principal, accrued_interest, conversion_price, market_price,
       premium_value, conversion_value, redemption_price, 'Debenture 6(b)' AS clause
FROM mandatory_redemption_price;

CREATE VIEW treasury_upcoming_deadlines AS
SELECT deal_id, as_of_date, due_date, subject, obligation, clause, amount, detail
FROM upcoming_deadline;

CREATE VIEW treasury_exceptions AS
SELECT code, severity, subject, clause, start_date, end_date, status, message
FROM compliance_exception
WHERE code IN ('EVENT_OF_DEFAULT', 'INTEREST_UNPAID', 'DEFAULT_INTEREST_OVERDUE', 'CONVERSION_DEFAULT',
               'FILING_LATE', 'EFFECTIVENESS_LATE', 'SALES_UNAVAILABLE', 'ALLOWED_DELAY_EXCEEDED',
               'COVERAGE_AMENDMENT_LATE');
