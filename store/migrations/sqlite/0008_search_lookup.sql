-- Issue 5: PostgreSQL gets a covering index for the search's per-candidate check here
-- (../postgres/0008_search_lookup.sql). SQLite reads the row by its rowid as fast (measured
-- at a million CVs: a covering index was not chosen by the planner, and forced it was no
-- faster); its page cache is what counts (`PRAGMA cache_size` in `Store::connect`).
SELECT 1;
