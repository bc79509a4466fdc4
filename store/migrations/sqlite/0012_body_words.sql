-- Issue 5: the words of the text index's body column, in a plain table, where a search looks
-- up the indexed words with a query word's Danish stem (`Store::fts5_variants`). fts5vocab
-- counts the CVs of every word it lists, reading each word's whole list: about 4 ms per query
-- word at a million CVs; this table's key range is read in microseconds.
-- Kept by the store: each CV write adds its words (`text::index_words`), and the daily count
-- adds any the index holds that this table lacks (FTS5's tokenizer is the authority). A word
-- whose last CV is gone stays, and finds nothing. Numbered after PostgreSQL's 0010-0011,
-- which have no SQLite counterpart; this one has no PostgreSQL counterpart, as PostgreSQL
-- stems in its own index.
CREATE TABLE cv_body_words (term TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO cv_body_words (term) SELECT term FROM cv_fts_vocab WHERE col = 'body';
