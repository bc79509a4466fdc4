-- Issue 23: notices to citizens. Keep in step with ../postgres/0019.
--
-- Every notice lands in the citizen's Mine beskeder (notices); each channel it also goes by
-- is one delivery in the outbox, written in the same transaction. idempotency_key (citizen,
-- kind, the period the notice is about) keeps the same notice from being queued twice.
CREATE TABLE notices (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    citizen_id      BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- Who wrote it, when a person did (a jobcentre's caseworker); NULL for the portal.
    sender          TEXT,
    created_at      BIGINT NOT NULL,
    read_at         BIGINT
);
CREATE INDEX notices_citizen ON notices(citizen_id, created_at);

-- One delivery of a notice by e-mail or SMS. A worker claims due rows (status 'queued',
-- next_attempt_at passed, no live lease), delivers, and marks them 'sent'; a failed try is
-- tried again later (jobspor::notices::retry_after), and after the last one the row is
-- 'failed' for operators (jobspor-server notices --failed). A login cancels what is still
-- queued about the period it ends ('cancelled').
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    notice_id       BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    done_at         BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_notice ON outbox(notice_id);

-- A daily job runs once per day however many server processes there are: the first to
-- insert the day's row runs it.
CREATE TABLE daily_runs (
    job        TEXT NOT NULL,
    day        TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    PRIMARY KEY (job, day)
);

-- The daily scans find the citizens in a window of inactivity.
CREATE INDEX citizens_last_login ON citizens(last_login_at);
CREATE INDEX citizens_last_activity ON citizens(last_activity_at);
