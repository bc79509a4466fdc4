-- Issue 26: the citizen's rights. Keep in step with ../postgres/0024.
--
-- Begrænsning (GDPR art. 18): while restricted_at is set, the CV is out of the employers'
-- search and out of EURES, and caseworkers see a marker; lifting it empties the column.
ALTER TABLE citizens ADD COLUMN restricted_at BIGINT;

-- Indsigelse (GDPR art. 21): the citizen's objection, what it is about (ObjectionAbout
-- code), why, and where it stands (ObjectionState code), moved on by support, who writes
-- the answer the citizen reads. Deleted with the citizen.
CREATE TABLE objections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    citizen_id  BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    about       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    state       TEXT NOT NULL,
    answer      TEXT,
    handled_by  BIGINT REFERENCES caseworkers(id) ON DELETE SET NULL,
    received_at BIGINT NOT NULL,
    changed_at  BIGINT NOT NULL
);
CREATE INDEX objections_citizen ON objections(citizen_id, id);
CREATE INDEX objections_state ON objections(state, id);
