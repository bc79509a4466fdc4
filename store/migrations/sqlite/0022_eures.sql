-- Issue 24: the CV sent to EURES (seed 004). Keep in step with ../postgres/0022.
--
-- Every consent to the transfer, every change of what is hidden, every withdrawal, by the
-- citizen or (for a minor) by a parent or guardian, is a receipt: never changed, listed to
-- the citizen. terms_version is the version of the terms the citizen was shown; hidden the
-- EuresField codes hidden from display (comma-separated, sorted); channel how it was given.
CREATE TABLE eures_receipts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    citizen_id    BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    -- 'citizen', or 'guardian' when a parent or guardian acted for a minor.
    actor         TEXT NOT NULL,
    guardian_id   BIGINT REFERENCES citizens(id) ON DELETE SET NULL,
    -- 'given', 'changed' (what is hidden) or 'withdrawn'.
    action        TEXT NOT NULL,
    terms_version TEXT NOT NULL,
    hidden        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    at            BIGINT NOT NULL
);
CREATE INDEX eures_receipts_citizen ON eures_receipts(citizen_id, id);
CREATE INDEX eures_receipts_guardian ON eures_receipts(guardian_id);

-- The copy EURES polls: one per CV that was ever offered, by a reference (the document's
-- UUID) that never changes. 'ACTIVE' rows hold the document and its checksum (a document
-- is replaced, and modified_at moved, only when its checksum changes); 'CLOSED' rows hold
-- no content and are kept for JOBSPOR_EURES_CLOSED_DAYS so that a poller that was away
-- still learns of the closure. citizen_id is emptied when the profile is deleted (the
-- closure stays); it is no foreign key for that reason.
CREATE TABLE eures_cvs (
    reference   TEXT PRIMARY KEY,
    citizen_id  BIGINT UNIQUE,
    status      TEXT NOT NULL,
    hidden      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    modified_at BIGINT NOT NULL,
    closed_at   BIGINT,
    -- When the sweep last compared the copy with the CV (Store::sync_eures).
    checked_at  BIGINT NOT NULL,
    checksum    TEXT,
    content     TEXT
);
CREATE INDEX eures_cvs_created ON eures_cvs(created_at);
CREATE INDEX eures_cvs_modified ON eures_cvs(modified_at);
CREATE INDEX eures_cvs_closed ON eures_cvs(closed_at);
