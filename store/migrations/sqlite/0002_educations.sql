-- CV section: education (issue 3). Keep in step with the other engine's 0002.
CREATE TABLE educations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    cv_id        BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    education    TEXT NOT NULL,
    institution  TEXT NOT NULL,
    description  TEXT,
    start_date   TEXT NOT NULL,
    end_date     TEXT
);
CREATE INDEX educations_cv ON educations(cv_id);
