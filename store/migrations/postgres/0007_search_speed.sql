-- Issue 5, speed at a million CVs. Keep in step with ../sqlite/0007_search_speed.sql.
--
-- 1. Each CV's filter keys also as one text in its search row, '|mun:751|reg:1082|lic:B|':
--    a search reads its first matches once and counts the hits per filter value, checks
--    the other filters and lists the occupations from that text, instead of a join per
--    filter and a query per count (measured: several times faster; see issue 5's note).
ALTER TABLE cv_search ADD COLUMN facet_keys TEXT NOT NULL DEFAULT '|';
UPDATE cv_search SET facet_keys = '|' || COALESCE((SELECT string_agg(facet, '|' ORDER BY facet) FROM cv_facets f WHERE f.cv_id = cv_search.cv_id), '') || '|';
UPDATE cv_search SET facet_keys = '|' WHERE facet_keys = '||';

-- 2. The filter keys in "last updated" order per key: a filter search reads the newest CVs
--    with its rarest key straight from the index and stops at the first matches it needs,
--    instead of reading and sorting every CV with that key.
ALTER TABLE cv_facets ADD COLUMN updated_at BIGINT;
UPDATE cv_facets f SET updated_at = s.updated_at FROM cv_search s WHERE s.cv_id = f.cv_id;
UPDATE cv_facets SET updated_at = 0 WHERE updated_at IS NULL;
ALTER TABLE cv_facets ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE cv_facets DROP CONSTRAINT cv_facets_pkey;
ALTER TABLE cv_facets ADD PRIMARY KEY (facet, updated_at, cv_id);
DROP INDEX cv_facets_cv;
CREATE INDEX cv_facets_cv ON cv_facets(cv_id);
-- The newest listed CVs in order, ties broken by id, without a sort.
DROP INDEX cv_search_listed_updated;
CREATE INDEX cv_search_listed_updated ON cv_search(listed, updated_at, cv_id);

-- 3. How many CVs carry each key, to choose the rarest filter; refreshed by housekeeping
--    (`Store::refresh_facet_totals`), so an estimate.
CREATE TABLE cv_facet_totals (
    facet  TEXT PRIMARY KEY,
    n      BIGINT NOT NULL
);
INSERT INTO cv_facet_totals (facet, n) SELECT facet, COUNT(*) FROM cv_facets GROUP BY facet;

-- When a periodic job last ran, for the jobs that run less often than housekeeping.
CREATE TABLE job_runs (
    job       TEXT PRIMARY KEY,
    last_run  BIGINT NOT NULL
);
