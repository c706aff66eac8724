-- Issue 18: the results step runs in partitions, each committing its own chunks, so "readers never
-- see a half-written range" can no longer come from one transaction. It comes from run generations
-- (docs/decisions/0002-results-visibility.md):
--   * each output table's rows live in <table>_data, with the generation that wrote them and, once a
--     later generation replaces them, that generation (replaced_by);
--   * <table> is a view of the rows of the published generation: written by it or before it, and not
--     replaced by it or before it;
--   * a run writes its rows under a new generation and marks the rows they replace, invisibly, and
--     makes everything visible at once by setting results_generation.published (one row, one commit);
--   * the replaced rows are then deleted, by the keys the run noted in results_replaced_key.
-- Reports, exports and the audience views read the views, under the names they always used.

CREATE TABLE results_generation (
    id         INT    NOT NULL PRIMARY KEY,  -- always 1: one row
    published  BIGINT NOT NULL               -- the generation readers see
);
INSERT INTO results_generation (id, published) VALUES (1, 0);

CREATE TABLE results_generation_run (
    generation    BIGINT      NOT NULL PRIMARY KEY,
    job_instance  BIGINT      NOT NULL,
    status        VARCHAR(12) NOT NULL,       -- WRITING, PUBLISHED, ABANDONED
    range_from    DATE        NULL,           -- the run's range: the daily rows it replaces lie in it
    range_to      DATE        NULL
);

CREATE TABLE results_replaced_key (
    generation  BIGINT      NOT NULL,
    table_name  VARCHAR(64) NOT NULL,
    key_value   VARCHAR(64) NOT NULL,
    PRIMARY KEY (generation, table_name, key_value)
);

-- the audience views name the tables: dropped here, made again below on the new views
DROP VIEW legal_exceptions;
DROP VIEW legal_registration_default_days;
DROP VIEW legal_upcoming_deadlines;
DROP VIEW legal_conversion_readiness;
DROP VIEW legal_vwap_test;
DROP VIEW treasury_penalty_accruals;
DROP VIEW treasury_penalty_balance;
DROP VIEW treasury_interest_accruals;
DROP VIEW treasury_interest_due;
DROP VIEW treasury_default_interest;
DROP VIEW treasury_conversions;
DROP VIEW treasury_redemption_prices;
DROP VIEW treasury_upcoming_deadlines;
DROP VIEW treasury_exceptions;

ALTER TABLE market_price RENAME TO market_price_data;
ALTER TABLE market_price_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE market_price_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE market_price_data DROP PRIMARY KEY;
ALTER TABLE market_price_data ADD PRIMARY KEY (symbol, price_date, generation);
CREATE VIEW market_price AS
SELECT symbol, price_date, market_price, window_start, window_end, window_trading_days, unavailable_reason
FROM market_price_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE vwap_test RENAME TO vwap_test_data;
ALTER TABLE vwap_test_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE vwap_test_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE vwap_test_data DROP PRIMARY KEY;
ALTER TABLE vwap_test_data ADD PRIMARY KEY (instrument_id, trade_date, generation);
CREATE VIEW vwap_test AS
SELECT instrument_id, trade_date, vwap, threshold, above, window_count, met, conversion_price, reading, threshold_percent_of, threshold_excess_over, margin_percent_of, margin_excess_over, window_start, window_has_gap
FROM vwap_test_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE registration_default_day RENAME TO registration_default_day_data;
ALTER TABLE registration_default_day_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE registration_default_day_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE registration_default_day_data DROP PRIMARY KEY;
ALTER TABLE registration_default_day_data ADD PRIMARY KEY (agreement_id, default_date, generation);
CREATE VIEW registration_default_day AS
SELECT agreement_id, default_date, reasons, day_index, rate, explanation
FROM registration_default_day_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE interest_accrual RENAME TO interest_accrual_data;
ALTER TABLE interest_accrual_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE interest_accrual_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE interest_accrual_data DROP PRIMARY KEY;
ALTER TABLE interest_accrual_data ADD PRIMARY KEY (instrument_id, accrual_date, generation);
CREATE VIEW interest_accrual AS
SELECT instrument_id, accrual_date, principal, interest_base, regular_interest, default_interest, compounded_interest, late_interest, accrued_unpaid_interest
FROM interest_accrual_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE interest_due RENAME TO interest_due_data;
ALTER TABLE interest_due_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE interest_due_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE interest_due_data DROP PRIMARY KEY;
ALTER TABLE interest_due_data ADD PRIMARY KEY (instrument_id, due_date, generation);
CREATE VIEW interest_due AS
SELECT instrument_id, due_date, amount_due, amount_paid, paid_date, period_start, period_days, adjusted_due_date, status
FROM interest_due_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE penalty_accrual RENAME TO penalty_accrual_data;
ALTER TABLE penalty_accrual_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE penalty_accrual_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE penalty_accrual_data DROP PRIMARY KEY;
ALTER TABLE penalty_accrual_data ADD PRIMARY KEY (instrument_id, accrual_date, kind, generation);
CREATE VIEW penalty_accrual AS
SELECT instrument_id, holder, accrual_date, kind, base_amount, rate, amount, clause, explanation
FROM penalty_accrual_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE compliance_exception RENAME TO compliance_exception_data;
ALTER TABLE compliance_exception_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE compliance_exception_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE compliance_exception_data DROP PRIMARY KEY;
ALTER TABLE compliance_exception_data ADD PRIMARY KEY (code, subject, clause, start_date, generation);
CREATE VIEW compliance_exception AS
SELECT code, subject, clause, start_date, end_date, status, severity, message, run_id, first_seen_run_id, closed_in_run_id
FROM compliance_exception_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE conversion_price_history RENAME TO conversion_price_history_data;
ALTER TABLE conversion_price_history_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE conversion_price_history_data DROP PRIMARY KEY;
ALTER TABLE conversion_price_history_data ADD PRIMARY KEY (instrument_id, effective_date, clause, generation);
CREATE VIEW conversion_price_history AS
SELECT instrument_id, effective_date, clause, event, conversion_price, vwap_test_price
FROM conversion_price_history_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE conversion_readiness RENAME TO conversion_readiness_data;
ALTER TABLE conversion_readiness_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conversion_readiness_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE conversion_readiness_data DROP PRIMARY KEY;
ALTER TABLE conversion_readiness_data ADD PRIMARY KEY (instrument_id, as_of_date, generation);
CREATE VIEW conversion_readiness AS
SELECT instrument_id, as_of_date, checked_conditions_met, notice_date, earliest_conversion_date, run_id
FROM conversion_readiness_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE conversion_readiness_condition RENAME TO conversion_readiness_condition_data;
ALTER TABLE conversion_readiness_condition_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conversion_readiness_condition_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE conversion_readiness_condition_data DROP PRIMARY KEY;
ALTER TABLE conversion_readiness_condition_data ADD PRIMARY KEY (instrument_id, as_of_date, condition_id, generation);
CREATE VIEW conversion_readiness_condition AS
SELECT instrument_id, as_of_date, condition_id, description, state, met_since, evidence
FROM conversion_readiness_condition_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE penalty_balance RENAME TO penalty_balance_data;
ALTER TABLE penalty_balance_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE penalty_balance_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE penalty_balance_data DROP PRIMARY KEY;
ALTER TABLE penalty_balance_data ADD PRIMARY KEY (instrument_id, kind, accrual_month, as_of_date, generation);
CREATE VIEW penalty_balance AS
SELECT instrument_id, kind, accrual_month, as_of_date, holder, accrued, amount_due, amount_paid, outstanding
FROM penalty_balance_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE default_interest_month RENAME TO default_interest_month_data;
ALTER TABLE default_interest_month_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE default_interest_month_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE default_interest_month_data DROP PRIMARY KEY;
ALTER TABLE default_interest_month_data ADD PRIMARY KEY (instrument_id, accrual_month, generation);
CREATE VIEW default_interest_month AS
SELECT instrument_id, accrual_month, accrued, amount_due, due_by, amount_paid, paid_date
FROM default_interest_month_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE conversion_delivery RENAME TO conversion_delivery_data;
ALTER TABLE conversion_delivery_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conversion_delivery_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE conversion_delivery_data DROP PRIMARY KEY;
ALTER TABLE conversion_delivery_data ADD PRIMARY KEY (instrument_id, conversion_date, reference, generation);
CREATE VIEW conversion_delivery AS
SELECT instrument_id, conversion_date, reference, principal_converted, conversion_price, shares_due, shares_logged, delivery_date, delivered_on, default_days
FROM conversion_delivery_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE mandatory_redemption_price RENAME TO mandatory_redemption_price_data;
ALTER TABLE mandatory_redemption_price_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE mandatory_redemption_price_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE mandatory_redemption_price_data DROP PRIMARY KEY;
ALTER TABLE mandatory_redemption_price_data ADD PRIMARY KEY (instrument_id, price_date, generation);
CREATE VIEW mandatory_redemption_price AS
SELECT instrument_id, price_date, clauses, principal, accrued_interest, conversion_price, market_price, premium_value, conversion_value, redemption_price
FROM mandatory_redemption_price_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

ALTER TABLE upcoming_deadline RENAME TO upcoming_deadline_data;
ALTER TABLE upcoming_deadline_data ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE upcoming_deadline_data ADD COLUMN replaced_by BIGINT NULL;
ALTER TABLE upcoming_deadline_data DROP PRIMARY KEY;
ALTER TABLE upcoming_deadline_data ADD PRIMARY KEY (deal_id, as_of_date, due_date, subject, obligation, generation);
CREATE VIEW upcoming_deadline AS
SELECT deal_id, as_of_date, due_date, subject, obligation, clause, amount, detail
FROM upcoming_deadline_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

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

