-- Mandatory conversion (Debenture §5, SPEC §5): the evidence behind every vwap_test row, the
-- Conversion Price history (§4) and the readiness of each §5(c) condition as of a run's last day.

ALTER TABLE vwap_test ADD COLUMN conversion_price DECIMAL(30,12) NULL;
ALTER TABLE vwap_test ADD COLUMN reading VARCHAR(16) NULL;
ALTER TABLE vwap_test ADD COLUMN threshold_percent_of DECIMAL(20,6) NULL;
ALTER TABLE vwap_test ADD COLUMN threshold_excess_over DECIMAL(20,6) NULL;
ALTER TABLE vwap_test ADD COLUMN margin_percent_of DECIMAL(24,10) NULL;
ALTER TABLE vwap_test ADD COLUMN margin_excess_over DECIMAL(24,10) NULL;
ALTER TABLE vwap_test ADD COLUMN window_start DATE NULL;

CREATE TABLE conversion_price_history (
    instrument_id      VARCHAR(64)    NOT NULL,
    effective_date     DATE           NOT NULL,
    clause             VARCHAR(40)    NOT NULL,
    event              VARCHAR(200)   NOT NULL,
    conversion_price   DECIMAL(30,12) NOT NULL,   -- every §4 adjustment
    vwap_test_price    DECIMAL(30,12) NOT NULL,   -- 4(a)(A)-(C) only (§5(c)(ii))
    PRIMARY KEY (instrument_id, effective_date, clause)
);

CREATE TABLE conversion_readiness (
    instrument_id             VARCHAR(64)  NOT NULL,
    as_of_date                DATE         NOT NULL,
    checked_conditions_met    BOOLEAN      NOT NULL,  -- no condition the job can check is NOT_MET
    notice_date               DATE         NOT NULL,  -- next Business Day after as_of_date
    earliest_conversion_date  DATE         NOT NULL,  -- 5(b): 20 Trading Days after the notice
    run_id                    BIGINT       NOT NULL,
    PRIMARY KEY (instrument_id, as_of_date)
);

CREATE TABLE conversion_readiness_condition (
    instrument_id  VARCHAR(64)   NOT NULL,
    as_of_date     DATE          NOT NULL,
    condition_id   VARCHAR(16)   NOT NULL,   -- 5(c)(i) .. 5(c)(vii)
    description    VARCHAR(300)  NOT NULL,
    state          VARCHAR(12)   NOT NULL,   -- MET, NOT_MET, NOT_CHECKED
    met_since      DATE          NULL,
    evidence       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (instrument_id, as_of_date, condition_id)
);
