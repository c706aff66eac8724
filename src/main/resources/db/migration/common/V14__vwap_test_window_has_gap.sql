-- SPEC §5 v2 (Debenture 5(c)(ii)): a vwap_test row whose 30 counted Trading Days span an exchange
-- session day with no VWAP row and no open trading halt (a data gap, SPEC §3 PRICE_MISSING) says so.
-- Rows written before this column existed were never checked: they read as false until rerun.
-- The legal_vwap_test view (V8) lists its columns and is unchanged.

ALTER TABLE vwap_test ADD COLUMN window_has_gap BOOLEAN NOT NULL DEFAULT FALSE;
