-- Interest ledger (Debenture §2, §3(d)-(e), §6(b); SPEC §7): the evidence behind each daily row and
-- each due, default interest by month, conversions and deliveries, Mandatory Redemption Prices.

ALTER TABLE interest_accrual ADD COLUMN compounded_interest DECIMAL(24,6) NULL;
ALTER TABLE interest_accrual ADD COLUMN late_interest DECIMAL(24,6) NULL;
ALTER TABLE interest_accrual ADD COLUMN accrued_unpaid_interest DECIMAL(24,6) NULL;

ALTER TABLE interest_due ADD COLUMN period_start DATE NULL;
ALTER TABLE interest_due ADD COLUMN period_days INT NULL;
ALTER TABLE interest_due ADD COLUMN adjusted_due_date DATE NULL;
ALTER TABLE interest_due ADD COLUMN status VARCHAR(16) NULL;

CREATE TABLE default_interest_month (
    instrument_id  VARCHAR(64)   NOT NULL,
    accrual_month  DATE          NOT NULL,   -- first day of the month
    accrued        DECIMAL(24,6) NOT NULL,
    amount_due     DECIMAL(24,2) NOT NULL,
    due_by         DATE          NOT NULL,   -- 5th Business Day after the month's end
    amount_paid    DECIMAL(24,2) NOT NULL,
    paid_date      DATE          NULL,
    PRIMARY KEY (instrument_id, accrual_month)
);

CREATE TABLE conversion_delivery (
    instrument_id        VARCHAR(64)    NOT NULL,
    conversion_date      DATE           NOT NULL,
    reference            VARCHAR(200)   NOT NULL,
    principal_converted  DECIMAL(24,2)  NOT NULL,
    conversion_price     DECIMAL(30,12) NOT NULL,
    shares_due           BIGINT         NOT NULL,   -- rounded up (3(d))
    shares_logged        BIGINT         NULL,
    delivery_date        DATE           NOT NULL,   -- 3rd Business Day after conversion
    delivered_on         DATE           NULL,
    default_days         INT            NOT NULL,   -- N of 3(e)(A) so far
    PRIMARY KEY (instrument_id, conversion_date, reference)
);

CREATE TABLE mandatory_redemption_price (
    instrument_id     VARCHAR(64)    NOT NULL,
    price_date        DATE           NOT NULL,
    clauses           VARCHAR(200)   NOT NULL,   -- the Events of Default continuing that day
    principal         DECIMAL(24,6)  NOT NULL,
    accrued_interest  DECIMAL(24,6)  NOT NULL,   -- regular interest accrued and unpaid (default interest excluded)
    conversion_price  DECIMAL(30,12) NOT NULL,
    market_price      DECIMAL(20,6)  NULL,
    premium_value     DECIMAL(24,2)  NOT NULL,   -- 120% x (principal + interest)
    conversion_value  DECIMAL(24,2)  NULL,       -- (principal + interest) / Conversion Price x Market Price
    redemption_price  DECIMAL(24,2)  NOT NULL,
    PRIMARY KEY (instrument_id, price_date)
);
