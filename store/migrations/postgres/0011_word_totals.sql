-- Issue 5: how many CVs hold each common word, so a search for one decides how to read
-- (`search::scan_in_table_order`). From the planner's own statistics of the tsvector
-- (pg_stats' most common elements, refreshed by ANALYZE), copied here by
-- `Store::refresh_facet_totals` each day (reading pg_stats in each search took 2-7 ms).
-- Until then, and for a word not here, the word counts as rare.
-- SQLite has no counterpart: FTS5 reads a common word's list as fast as a rare one's.
CREATE TABLE cv_word_totals (
    lexeme  TEXT PRIMARY KEY,
    -- Estimated rows with the word, and their share of all rows.
    n       BIGINT NOT NULL,
    share   DOUBLE PRECISION NOT NULL
);
