-- The calculators read one symbol's current prices at a time (feed, symbol, status, date order):
-- an index holding every column they read answers that from the index alone (issue #9).
DROP INDEX staged_price_by_symbol;
CREATE INDEX staged_price_by_symbol ON staged_price (symbol, feed, price_date, status, price, volume);
