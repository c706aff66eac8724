-- Upcoming deadlines: the dated obligations of each deal in the days after a run's last day.
CREATE TABLE upcoming_deadline (
    deal_id     VARCHAR(64)   NOT NULL,
    as_of_date  DATE          NOT NULL,
    due_date    DATE          NOT NULL,
    subject     VARCHAR(64)   NOT NULL,
    obligation  VARCHAR(100)  NOT NULL,
    clause      VARCHAR(40)   NOT NULL,
    amount      DECIMAL(24,2) NULL,
    detail      VARCHAR(500)  NOT NULL,
    PRIMARY KEY (deal_id, as_of_date, due_date, subject, obligation)
);
