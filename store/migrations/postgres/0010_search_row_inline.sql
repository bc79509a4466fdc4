-- Issue 5: keep each CV's search row in one piece. A row is about 2.6 KB (the text, its
-- tsvector, the filter keys), over PostgreSQL's default TOAST threshold of about 2 KB, so
-- the tsvector was moved out of line and every row tested against a search word cost a
-- lookup in the TOAST index and a read of its chunk (about four buffers per row). A search
-- for a common word reads rows in table order until its first matches ("rengøring": 12,000
-- rows for 1,001 matches), so at 1M CVs that took 57-84 ms; with the rows whole, 15-23 ms
-- (measured on 60,000 of the rows; see issue 5's note). Rows over 4 KB (a very long CV)
-- are still compressed or moved out of line, so at least two rows fit on a page.
-- SQLite has no counterpart: its text index (FTS5) keeps its own lists.
ALTER TABLE cv_search SET (toast_tuple_target = 4080);
-- The setting holds for rows written from now on. Rewrite the rows there are, which
-- brings their out-of-line values back into the row (CLUSTER, unlike VACUUM FULL, may run
-- in the migration's transaction; the table is already in cv_id order).
CLUSTER cv_search USING cv_search_pkey;
