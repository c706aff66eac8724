-- SPEC §15 (v2): conversion_price_history shows every event of an instrument's Conversion Price history with the
-- clause that applied and its inputs, so that legal can check each figure by hand: the price before and after,
-- and for an issuance (4(a)(D)-(F), 4(h)) its shares, price and consideration, the shares outstanding O and the
-- Market Price MP the (F) formula used, the formula with its terms, and whether it adjusted or could be worked
-- out at all (ADJUSTMENT_NOT_COMPUTABLE). Several events of one day (issuances in file and line order) are told
-- apart by seq, their place in the history.
DROP VIEW conversion_price_history;
ALTER TABLE conversion_price_history_data ADD COLUMN seq INT DEFAULT 0 NOT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN price_before DECIMAL(30,12) NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN adjusted BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN computable BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN issuance_shares BIGINT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN issuance_price DECIMAL(30,12) NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN consideration DECIMAL(30,6) NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN shares_outstanding BIGINT NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN market_price DECIMAL(20,6) NULL;
ALTER TABLE conversion_price_history_data ADD COLUMN terms VARCHAR(1000) NULL;
ALTER TABLE conversion_price_history_data DROP PRIMARY KEY;
ALTER TABLE conversion_price_history_data ADD PRIMARY KEY (instrument_id, effective_date, clause, seq, generation);
CREATE VIEW conversion_price_history AS
SELECT instrument_id, effective_date, seq, clause, event, price_before, conversion_price, vwap_test_price, adjusted,
       computable, issuance_shares, issuance_price, consideration, shares_outstanding, market_price, terms
FROM conversion_price_history_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));

-- Debenture 4(e): a conversion inside a Major Announcement window converts at the lowest of (x), (y), (z); the price
-- it converted at is conversion_price, and price_basis says which clause and terms gave it (NULL: the Conversion
-- Price in effect on the Conversion Date).
DROP VIEW treasury_conversions;
DROP VIEW conversion_delivery;
ALTER TABLE conversion_delivery_data ADD COLUMN price_basis VARCHAR(1000) NULL;
CREATE VIEW conversion_delivery AS
SELECT instrument_id, conversion_date, reference, principal_converted, conversion_price, shares_due, shares_logged,
       delivery_date, delivered_on, default_days, price_basis
FROM conversion_delivery_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));
CREATE VIEW treasury_conversions AS
SELECT instrument_id, conversion_date, reference, principal_converted, conversion_price, shares_due, shares_logged,
       delivery_date, delivered_on, default_days, price_basis, 'Debenture 3(c)-(e)' AS clause
FROM conversion_delivery;
