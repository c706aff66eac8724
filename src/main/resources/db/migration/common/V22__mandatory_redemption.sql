-- SPEC §14 (v2): mandatory_redemption, one row per Mandatory Redemption notice (Debenture 6(a)-(c)), as of the
-- run's last day; the rows of the notices dated in a run's range are that run's. As every output table since
-- V18: the rows in mandatory_redemption_data under their generation, the view shows the published generation's.
CREATE TABLE mandatory_redemption_data (
    instrument_id    VARCHAR(64)    NOT NULL,
    notice_date      DATE           NOT NULL,
    reference        VARCHAR(200)   NOT NULL,    -- the notice's document ('' when it has none)
    redemption_date  DATE           NOT NULL,    -- the Mandatory Redemption Date R (effective_date)
    principal        DECIMAL(20,2)  NULL,        -- P: the redeemed principal (NULL for an invalid notice)
    interest         DECIMAL(20,2)  NULL,        -- I: P's share of the accrued unpaid regular interest through R - 1
    conversion_price DECIMAL(20,6)  NULL,
    market_price     DECIMAL(20,6)  NULL,        -- as of R; NULL: none (the price is the 120% floor, undetermined)
    price            DECIMAL(20,2)  NULL,        -- the Mandatory Redemption Price (6(b)); NULL while R is after the run's last day
    pay_by           DATE           NULL,        -- the 5th Business Day after R (6(c))
    paid_date        DATE           NULL,        -- the payment that completed the price
    late_interest    DECIMAL(20,2)  NULL,        -- 6(c)(ii) late interest accrued, as of the run's last day
    status           VARCHAR(12)    NOT NULL,    -- INVALID, RESCINDED, OPEN, PAID, PAID_LATE
    note             VARCHAR(2000)  NULL,
    generation       BIGINT         DEFAULT 0 NOT NULL,
    replaced_by      BIGINT         NULL,
    PRIMARY KEY (instrument_id, notice_date, reference, generation)
);
CREATE VIEW mandatory_redemption AS
SELECT instrument_id, notice_date, reference, redemption_date, principal, interest, conversion_price, market_price, price,
       pay_by, paid_date, late_interest, status, note
FROM mandatory_redemption_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));
-- treasury's view: the job's own note as `explanation` (treasury views carry no column named note: the
-- filings log's notes may be material non-public information, V8)
CREATE VIEW treasury_mandatory_redemptions AS
SELECT instrument_id, notice_date, reference, redemption_date, principal, interest, price, pay_by, paid_date,
       late_interest, status, note AS explanation, 'Debenture 6(a)-(c)' AS clause
FROM mandatory_redemption;
