-- SPEC §16 (v2), RRA 2(a), 4(k): registration_coverage, one row per agreement and calendar day of a run's range from
-- the agreement's first filing on, when the deal gives its coverage terms (registration-coverage) and every
-- instrument under it warrant-shares:
--   required_shares    sum over its instruments of ceil(unpaid principal / Conversion Price in effect) + warrant shares
--   registered_shares  the latest filing or amendment made effective on or before the day (NULL: not yet effective)
--   maintain_line      maintain multiple (1.25) x required_shares, unrounded (RRA 4(k): below it, COVERAGE_SHORTFALL)
--   cure_line          cure multiple (1.50) x required_shares, unrounded (an amendment covering it ends the (C) days)
--   shortfall          whole shares by which registered_shares falls below maintain_line (0: none; NULL: not effective)
CREATE TABLE registration_coverage_data (
    agreement_id       VARCHAR(64)    NOT NULL,
    coverage_date      DATE           NOT NULL,
    required_shares    BIGINT         NOT NULL,
    registered_shares  BIGINT         NULL,
    maintain_line      DECIMAL(24,4)  NOT NULL,
    cure_line          DECIMAL(24,4)  NOT NULL,
    shortfall          BIGINT         NULL,
    generation         BIGINT         DEFAULT 0 NOT NULL,
    replaced_by        BIGINT         NULL,
    PRIMARY KEY (agreement_id, coverage_date, generation)
);
CREATE VIEW registration_coverage AS
SELECT agreement_id, coverage_date, required_shares, registered_shares, maintain_line, cure_line, shortfall
FROM registration_coverage_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));
-- legal's view (no filings-log note in it: treasury may read it too)
CREATE VIEW legal_registration_coverage AS
SELECT agreement_id, coverage_date, required_shares, registered_shares, maintain_line, cure_line, shortfall,
       'RRA 2(a), 4(k)' AS clause
FROM registration_coverage;

-- SPEC §15: legal's view of the Conversion Price histories (every adjustment with its clause and terms; the
-- event text is the job's, from the issuance's figures: no filings-log note)
CREATE VIEW legal_conversion_price_history AS
SELECT instrument_id, effective_date, seq, clause, event, price_before, conversion_price, vwap_test_price, adjusted,
       computable, issuance_shares, issuance_price, consideration, shares_outstanding, market_price, terms
FROM conversion_price_history;
