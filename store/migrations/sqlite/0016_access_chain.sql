-- The access log as one hash chain (jobspor::access, store/src/access_log.rs). The earlier
-- table held unchained rows in Danish prose; this is a pre-production system, so they go.
DROP TABLE access_log;

-- Each citizen's pseudonym in the log; deleted with the citizen, which leaves the records
-- naming no one.
CREATE TABLE access_subjects (
    citizen_id BIGINT PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
    subject    TEXT NOT NULL UNIQUE
);

CREATE TABLE access_records (
    seq          BIGINT PRIMARY KEY,
    at           BIGINT NOT NULL,
    subject      TEXT NOT NULL,
    actor_kind   TEXT NOT NULL,
    actor_id     BIGINT,
    actor_name   TEXT NOT NULL,
    organisation TEXT NOT NULL,
    what         TEXT NOT NULL,
    basis        TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX access_records_subject ON access_records(subject, seq);
CREATE INDEX access_records_at ON access_records(at);

-- The chain's two ends: the anchor it verifies from (the last pruned record, or nothing)
-- and its head (the newest record), updated in every recording transaction.
CREATE TABLE access_chain (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    anchor_seq  BIGINT NOT NULL,
    anchor_hash TEXT NOT NULL,
    head_seq    BIGINT NOT NULL,
    head_hash   TEXT NOT NULL
);
INSERT INTO access_chain (id, anchor_seq, anchor_hash, head_seq, head_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, '0000000000000000000000000000000000000000000000000000000000000000');
