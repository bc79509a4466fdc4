-- Issue 5: the text index's vocabulary, to turn a query word into the indexed words of the
-- same Danish stem ("sygeplejersker" → sygeplejerske OR sygeplejersken OR sygeplejersker).
-- A prefix query ("sygeplejersk"*) found the same CVs but was 10–40 times slower at a
-- million CVs. Keep in step with ../postgres/0006_fts_vocab.sql.
CREATE VIRTUAL TABLE cv_fts_vocab USING fts5vocab(cv_fts, 'row');
