-- Registration defaults and liquidated damages (RRA 2(d), 4(f), 4(k); SPEC §6): every accrual
-- and default day explains itself; treasury's balance per Holder and month.

ALTER TABLE registration_default_day ADD COLUMN explanation VARCHAR(500) NULL;
ALTER TABLE penalty_accrual ADD COLUMN clause VARCHAR(40) NULL;
ALTER TABLE penalty_accrual ADD COLUMN explanation VARCHAR(500) NULL;

CREATE TABLE penalty_balance (
    instrument_id  VARCHAR(64)   NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    accrual_month  DATE          NOT NULL,   -- first day of the month
    as_of_date     DATE          NOT NULL,
    holder         VARCHAR(200)  NOT NULL,
    accrued        DECIMAL(24,6) NOT NULL,   -- sum of the month's daily accruals
    amount_due     DECIMAL(24,2) NOT NULL,   -- accrued rounded to cents
    amount_paid    DECIMAL(24,2) NOT NULL,   -- payments settled oldest month first
    outstanding    DECIMAL(24,2) NOT NULL,   -- negative: an unapplied credit
    PRIMARY KEY (instrument_id, kind, accrual_month, as_of_date)
);
