-- Reporting schema (SPEC §8). Portable SQL: runs unchanged on H2 (file mode, default) and on
-- MySQL / MariaDB through MySQL Connector/J. No identity columns: every table has a natural key,
-- so that a rerun replaces rows instead of adding copies.

-- Who ran what -------------------------------------------------------------------------------
CREATE TABLE job_run (
    run_id        BIGINT        NOT NULL PRIMARY KEY,  -- Spring Batch JOB_EXECUTION_ID
    run_kind      VARCHAR(16)   NOT NULL,              -- NIGHTLY or RERUN
    range_from    DATE          NOT NULL,
    range_to      DATE          NOT NULL,
    data_dir      VARCHAR(1000) NOT NULL,
    started_at    TIMESTAMP     NOT NULL,
    finished_at   TIMESTAMP     NULL,
    outcome       VARCHAR(16)   NOT NULL,              -- STARTED, COMPLETED, FAILED
    summary       VARCHAR(4000) NULL
);

CREATE TABLE job_run_reading (
    run_id        BIGINT        NOT NULL,
    deal_id       VARCHAR(64)   NOT NULL,
    switch_name   VARCHAR(64)   NOT NULL,
    switch_value  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (run_id, deal_id, switch_name)
);

CREATE TABLE input_file (
    run_id          BIGINT       NOT NULL,
    file_name       VARCHAR(500) NOT NULL,
    feed            VARCHAR(16)  NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    rows_read       INT          NOT NULL,
    rows_accepted   INT          NOT NULL,
    rows_duplicate  INT          NOT NULL,
    rows_rejected   INT          NOT NULL,
    PRIMARY KEY (run_id, file_name)
);

CREATE TABLE deal_watermark (
    deal_id            VARCHAR(64) NOT NULL PRIMARY KEY,
    processed_through  DATE        NOT NULL,
    run_id             BIGINT      NOT NULL
);

-- Intake (rebuilt from the input files by every run) -----------------------------------------
CREATE TABLE staged_price (
    file_name    VARCHAR(500)   NOT NULL,
    line_number  BIGINT         NOT NULL,
    file_order   INT            NOT NULL,
    feed         VARCHAR(16)    NOT NULL,
    symbol       VARCHAR(20)    NOT NULL,
    price_date   DATE           NOT NULL,
    price        DECIMAL(24,10) NOT NULL,
    volume       BIGINT         NULL,
    raw_line     VARCHAR(4000)  NOT NULL,
    status       VARCHAR(12)    NOT NULL,  -- ACCEPTED, SUPERSEDED (restated; kept), DUPLICATE
    status_note  VARCHAR(1000)  NULL,
    PRIMARY KEY (file_name, line_number)
);
CREATE INDEX staged_price_by_symbol ON staged_price (symbol, feed, price_date);

CREATE TABLE staged_filing (
    file_name    VARCHAR(500)   NOT NULL,
    line_number  BIGINT         NOT NULL,
    file_order   INT            NOT NULL,
    event_date   DATE           NOT NULL,
    event_type   VARCHAR(32)    NOT NULL,
    subject      VARCHAR(64)    NOT NULL,
    amount       DECIMAL(24,10) NULL,
    shares       BIGINT         NULL,
    ratio        DECIMAL(24,10) NULL,
    price        DECIMAL(24,10) NULL,
    document     VARCHAR(200)   NULL,
    note         VARCHAR(1000)  NULL,
    raw_line     VARCHAR(4000)  NOT NULL,
    status       VARCHAR(12)    NOT NULL,  -- ACCEPTED, DUPLICATE
    status_note  VARCHAR(1000)  NULL,
    PRIMARY KEY (file_name, line_number)
);
CREATE INDEX staged_filing_by_subject ON staged_filing (subject, event_date);

CREATE TABLE price_restatement (
    feed            VARCHAR(16)    NOT NULL,
    symbol          VARCHAR(20)    NOT NULL,
    price_date      DATE           NOT NULL,
    old_price       DECIMAL(24,10) NOT NULL,
    old_file_name   VARCHAR(500)   NOT NULL,
    old_line_number BIGINT         NOT NULL,
    new_price       DECIMAL(24,10) NOT NULL,
    new_file_name   VARCHAR(500)   NOT NULL,
    new_line_number BIGINT         NOT NULL,
    message         VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (new_file_name, new_line_number)
);

CREATE TABLE input_reject (
    file_name    VARCHAR(500)  NOT NULL,
    line_number  BIGINT        NOT NULL,
    feed         VARCHAR(16)   NOT NULL,
    raw_line     VARCHAR(4000) NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (file_name, line_number)
);

-- Outputs (SPEC §8): a rerun replaces its range's rows ----------------------------------------
CREATE TABLE market_price (
    symbol              VARCHAR(20)   NOT NULL,
    price_date          DATE          NOT NULL,
    market_price        DECIMAL(20,6) NULL,
    window_start        DATE          NULL,
    window_end          DATE          NULL,
    window_trading_days INT           NOT NULL,
    unavailable_reason  VARCHAR(1000) NULL,
    PRIMARY KEY (symbol, price_date)
);

CREATE TABLE vwap_test (
    instrument_id  VARCHAR(64)    NOT NULL,
    trade_date     DATE           NOT NULL,
    vwap           DECIMAL(24,10) NOT NULL,
    threshold      DECIMAL(20,6)  NOT NULL,
    above          BOOLEAN        NOT NULL,
    window_count   INT            NULL,
    met            BOOLEAN        NOT NULL,
    PRIMARY KEY (instrument_id, trade_date)
);

CREATE TABLE registration_default_day (
    agreement_id  VARCHAR(64)   NOT NULL,
    default_date  DATE          NOT NULL,
    reasons       VARCHAR(200)  NOT NULL,
    day_index     INT           NOT NULL,
    rate          DECIMAL(12,8) NULL,
    PRIMARY KEY (agreement_id, default_date)
);

CREATE TABLE interest_accrual (
    instrument_id     VARCHAR(64)   NOT NULL,
    accrual_date      DATE          NOT NULL,
    principal         DECIMAL(24,6) NOT NULL,
    interest_base     DECIMAL(24,6) NOT NULL,
    regular_interest  DECIMAL(24,6) NOT NULL,
    default_interest  DECIMAL(24,6) NOT NULL,
    PRIMARY KEY (instrument_id, accrual_date)
);

CREATE TABLE interest_due (
    instrument_id  VARCHAR(64)   NOT NULL,
    due_date       DATE          NOT NULL,
    amount_due     DECIMAL(24,2) NOT NULL,
    amount_paid    DECIMAL(24,2) NOT NULL,
    paid_date      DATE          NULL,
    PRIMARY KEY (instrument_id, due_date)
);

CREATE TABLE penalty_accrual (
    instrument_id  VARCHAR(64)   NOT NULL,
    holder         VARCHAR(200)  NOT NULL,
    accrual_date   DATE          NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    base_amount    DECIMAL(24,6) NOT NULL,
    rate           DECIMAL(12,8) NOT NULL,
    amount         DECIMAL(24,6) NOT NULL,
    PRIMARY KEY (instrument_id, accrual_date, kind)
);

CREATE TABLE compliance_exception (
    code        VARCHAR(40)   NOT NULL,
    subject     VARCHAR(64)   NOT NULL,
    clause      VARCHAR(200)  NOT NULL,
    start_date  DATE          NOT NULL,
    end_date    DATE          NULL,
    status      VARCHAR(8)    NOT NULL,   -- OPEN, CLOSED
    severity    VARCHAR(10)   NOT NULL,   -- INFO, WARNING, HIGH, CRITICAL
    message     VARCHAR(4000) NOT NULL,
    run_id      BIGINT        NOT NULL,   -- the run that last wrote the row
    PRIMARY KEY (code, subject, clause, start_date)
);
CREATE INDEX compliance_exception_by_subject ON compliance_exception (subject, start_date);
