-- A read-only reporting user that sees the legal_* and treasury_* views only (MySQL / MariaDB).
-- Run it in the reporting database (unqualified names refer to the current database):
--   jobs/create-reporting-user.sh     (reads REPORTING_USER, REPORTING_HOST, REPORTING_PASSWORD)
-- The placeholders ${user}, ${host} and ${password} are replaced by that script: no secret is kept here.
CREATE USER IF NOT EXISTS '${user}'@'${host}' IDENTIFIED BY '${password}';
GRANT SELECT ON legal_exceptions TO '${user}'@'${host}';
GRANT SELECT ON legal_registration_default_days TO '${user}'@'${host}';
GRANT SELECT ON legal_upcoming_deadlines TO '${user}'@'${host}';
GRANT SELECT ON legal_conversion_readiness TO '${user}'@'${host}';
GRANT SELECT ON legal_vwap_test TO '${user}'@'${host}';
GRANT SELECT ON legal_filings TO '${user}'@'${host}';
GRANT SELECT ON legal_readings TO '${user}'@'${host}';
GRANT SELECT ON legal_covenant_tests TO '${user}'@'${host}';
GRANT SELECT ON legal_registration_coverage TO '${user}'@'${host}';
GRANT SELECT ON legal_conversion_price_history TO '${user}'@'${host}';
GRANT SELECT ON legal_input_rejects TO '${user}'@'${host}';
GRANT SELECT ON treasury_penalty_accruals TO '${user}'@'${host}';
GRANT SELECT ON treasury_penalty_balance TO '${user}'@'${host}';
GRANT SELECT ON treasury_interest_accruals TO '${user}'@'${host}';
GRANT SELECT ON treasury_interest_due TO '${user}'@'${host}';
GRANT SELECT ON treasury_default_interest TO '${user}'@'${host}';
GRANT SELECT ON treasury_payments TO '${user}'@'${host}';
GRANT SELECT ON treasury_conversions TO '${user}'@'${host}';
GRANT SELECT ON treasury_redemption_prices TO '${user}'@'${host}';
GRANT SELECT ON treasury_upcoming_deadlines TO '${user}'@'${host}';
GRANT SELECT ON treasury_mandatory_redemptions TO '${user}'@'${host}';
GRANT SELECT ON treasury_exceptions TO '${user}'@'${host}';
