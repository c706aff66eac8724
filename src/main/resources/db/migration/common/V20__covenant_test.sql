-- SPEC §12 (v2): covenant_test, one row per deal, clause and period: each EBITDA Target Period of
-- Debenture 6(e) (clause 6(d)(ix)) and each capex year of 6(d)(x), tested as of the run's last day.
-- Like every output table since V18, the rows live in covenant_test_data under the generation that
-- wrote them; the view covenant_test shows the published generation's.
CREATE TABLE covenant_test_data (
    deal_id      VARCHAR(64)    NOT NULL,
    clause       VARCHAR(16)    NOT NULL,    -- 6(d)(ix) or 6(d)(x)
    period_end   DATE           NOT NULL,
    months       INT            NOT NULL,    -- 3, 6 or 12
    target       DECIMAL(20,2)  NULL,        -- 6(d)(ix): the least EBITDA; 6(d)(x): the most capex (NULL while the revenue it needs is missing)
    actual       DECIMAL(20,2)  NULL,        -- the sum of the quarters' EBITDA, or the year's capex; NULL while a figure is missing
    met          BOOLEAN        NULL,        -- NULL while actual (or the target) is missing
    state        VARCHAR(16)    NOT NULL,    -- the weakest of the figures': MISSING, OBJECTED, UNDER_REVIEW, FINAL
    breach_date  DATE           NULL,        -- 6(d)(ix): period end + grace days; 6(d)(x): the later audited row's date
    generation   BIGINT         DEFAULT 0 NOT NULL,
    replaced_by  BIGINT         NULL,
    PRIMARY KEY (deal_id, clause, period_end, months, generation)
);
CREATE VIEW covenant_test AS
SELECT deal_id, clause, period_end, months, target, actual, met, state, breach_date
FROM covenant_test_data
WHERE generation <= (SELECT published FROM results_generation)
  AND (replaced_by IS NULL OR replaced_by > (SELECT published FROM results_generation));
