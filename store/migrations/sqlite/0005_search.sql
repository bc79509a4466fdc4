-- Issue 5: the employer search. Full-text search (FTS5) and facet keys replace cv_terms.
-- Keep in step with ../postgres/0005_search.sql. Rows for CVs that existed before this
-- migration are written by `Store::connect` (the text comes from the core, not from SQL).
DROP TABLE cv_terms;

-- The citizen may hide phone and e-mail from employers, who then ask support to pass a
-- message on instead (seed 004, "Kontaktoplysninger").
ALTER TABLE cvs ADD COLUMN hide_contact BIGINT NOT NULL DEFAULT 0;

-- One row per CV: what the search filters, sorts and highlights on. Written with each save
-- of the CV; `listed` and `last_login_at` follow the owner at each login and CPR refresh.
CREATE TABLE cv_search (
    cv_id          INTEGER PRIMARY KEY REFERENCES cvs(id) ON DELETE CASCADE,
    citizen_id     BIGINT NOT NULL,
    -- Marked searchable by the citizen, and the person is active in the CPR register.
    listed         BIGINT NOT NULL,
    last_login_at  BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    -- The text employers may search: only sections visible to them.
    body           TEXT NOT NULL
);
CREATE INDEX cv_search_citizen ON cv_search(citizen_id);
CREATE INDEX cv_search_listed_updated ON cv_search(listed, updated_at);

-- A CV's filter values as keys (`jobspor::cv_search::facet`): 'mun:751', 'lic:B', ...
CREATE TABLE cv_facets (
    facet  TEXT NOT NULL,
    cv_id  BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    PRIMARY KEY (facet, cv_id)
) WITHOUT ROWID;
CREATE INDEX cv_facets_cv ON cv_facets(cv_id, facet);

-- The text index. External content: the text is kept once, in cv_search, and the triggers
-- keep the index in step (also when a CV is deleted through ON DELETE CASCADE).
-- Danish inflections are matched by querying the Snowball stem as a prefix
-- ("sygeplejersk*" finds "sygeplejerske" and "sygeplejersker"); see store::search.
CREATE VIRTUAL TABLE cv_fts USING fts5(body, content = 'cv_search', content_rowid = 'cv_id', tokenize = 'unicode61');
CREATE TRIGGER cv_search_ai AFTER INSERT ON cv_search BEGIN
    INSERT INTO cv_fts (rowid, body) VALUES (new.cv_id, new.body);
END;
CREATE TRIGGER cv_search_ad AFTER DELETE ON cv_search BEGIN
    INSERT INTO cv_fts (cv_fts, rowid, body) VALUES ('delete', old.cv_id, old.body);
END;
CREATE TRIGGER cv_search_au AFTER UPDATE OF body ON cv_search BEGIN
    INSERT INTO cv_fts (cv_fts, rowid, body) VALUES ('delete', old.cv_id, old.body);
    INSERT INTO cv_fts (rowid, body) VALUES (new.cv_id, new.body);
END;

-- A request to contact a citizen who hid their contact details; support relays it.
CREATE TABLE contact_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    citizen_id   BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    employer_id  BIGINT NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    message      TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    relayed_at   BIGINT
);
CREATE INDEX contact_requests_open ON contact_requests(relayed_at, created_at);
