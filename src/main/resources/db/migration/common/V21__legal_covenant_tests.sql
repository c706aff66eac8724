-- SPEC §12 for legal: each covenant test with its headroom, in dollars (EBITDA above its target, or
-- capex below its limit; negative: short of it) and as a share of the target's size.
CREATE VIEW legal_covenant_tests AS
SELECT deal_id, clause, period_end, months, target, actual,
       CASE WHEN clause = '6(d)(x)' THEN target - actual ELSE actual - target END AS headroom,
       CASE WHEN target IS NULL OR actual IS NULL OR target = 0 THEN NULL
            WHEN clause = '6(d)(x)' THEN (target - actual) / ABS(target)
            ELSE (actual - target) / ABS(target) END AS headroom_share,
       met, state, breach_date
FROM covenant_test;
