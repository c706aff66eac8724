-- Incremental intake (issue #9): the price files whose rows the intake tables hold, as of the last
-- run that reconciled them. A run keeps a file's rows instead of reading it again when the file is
-- unchanged (same name, SHA-256 and place in file-name order) and the date rules give its rows the
-- same outcome (no row was refused as from the future, none is dated after the new business date,
-- the deals' symbol starts are the same: window_key).
CREATE TABLE staged_file (
    file_name     VARCHAR(500) NOT NULL PRIMARY KEY,
    feed          VARCHAR(16)  NOT NULL,
    file_order    INT          NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    rows_read     INT          NOT NULL,
    rows_accepted  INT         NOT NULL,
    rows_duplicate INT         NOT NULL,
    rows_rejected  INT         NOT NULL,
    rows_staged    INT         NOT NULL,  -- its rows in staged_price (accepted, duplicate, or refused by resolution)
    future_rows   INT          NOT NULL,
    latest_date   DATE         NULL,
    window_key    CHAR(64)     NOT NULL
);
