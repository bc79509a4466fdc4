-- Issue 25: the job seeker's own track. Keep in step with ../sqlite/0023.
--
-- The joblog: applications and other activities, one row each, the entry as the core's JSON
-- (jobspor::track::joblog::JoblogEntry), which the store does not interpret; on_date (ISO)
-- sorts and counts it. jobseekers.joblog_since is when the current silence began (the last
-- registration, or registering as a job seeker), which the daily scan reads; a silence of
-- 30 days is a notice to the citizen and a row in joblog_flags for the jobcentre, written
-- in the same transaction.
CREATE TABLE joblog_entries (
    id         BIGSERIAL PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    on_date    TEXT NOT NULL,
    data       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX joblog_entries_citizen ON joblog_entries(citizen_id, on_date);

ALTER TABLE jobseekers ADD COLUMN joblog_since BIGINT;
UPDATE jobseekers SET joblog_since = registered_at;
CREATE INDEX jobseekers_joblog_since ON jobseekers(joblog_since, citizen_id);

CREATE TABLE joblog_flags (
    citizen_id BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    since      BIGINT NOT NULL,
    raised_at  BIGINT NOT NULL,
    PRIMARY KEY (citizen_id, since)
);

-- Min Plan and Min uddannelsesplan: the goals written by the jobcentre, when they last
-- changed and when the citizen marked them read; the agreed activities (core JSON,
-- jobspor::track::plan::PlanActivity); the citizen's comments.
CREATE TABLE plans (
    citizen_id     BIGINT PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
    job_goal       TEXT NOT NULL,
    education_goal TEXT,
    organisation   TEXT NOT NULL,
    changed_by     TEXT NOT NULL,
    changed_at     BIGINT NOT NULL,
    read_at        BIGINT
);
CREATE TABLE plan_activities (
    id         BIGSERIAL PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    data       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_activities_citizen ON plan_activities(citizen_id);
CREATE TABLE plan_comments (
    id         BIGSERIAL PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_comments_citizen ON plan_comments(citizen_id);

-- Mine møder. A jobcentre's free times (municipality_codes: '|751|…|', the publishing
-- caseworker's, so a citizen sees the times of the jobcentre serving them); booked_by is
-- set only by a conditional update (WHERE booked_by IS NULL), so two citizens can never
-- book the same time. A meeting is a summons (purpose set, state 'summoned', then
-- 'accepted') or a booked time (slot_id set, state 'booked'); cancelled meetings are kept.
CREATE TABLE meeting_slots (
    id                 BIGSERIAL PRIMARY KEY,
    organisation       TEXT NOT NULL,
    municipality_codes TEXT NOT NULL,
    starts_at          BIGINT NOT NULL,
    minutes            INTEGER NOT NULL,
    channel            TEXT NOT NULL,
    place              TEXT NOT NULL,
    created_by         BIGINT NOT NULL REFERENCES caseworkers(id),
    created_at         BIGINT NOT NULL,
    booked_by          BIGINT REFERENCES citizens(id) ON DELETE SET NULL,
    booked_at          BIGINT
);
CREATE INDEX meeting_slots_free ON meeting_slots(organisation, starts_at);
CREATE INDEX meeting_slots_booked_by ON meeting_slots(booked_by);

CREATE TABLE meetings (
    id           BIGSERIAL PRIMARY KEY,
    citizen_id   BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    organisation TEXT NOT NULL,
    summoned_by  TEXT,
    starts_at    BIGINT NOT NULL,
    minutes      INTEGER NOT NULL,
    channel      TEXT NOT NULL,
    place        TEXT NOT NULL,
    purpose      TEXT,
    bring        TEXT,
    state        TEXT NOT NULL,
    slot_id      BIGINT REFERENCES meeting_slots(id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    answered_at  BIGINT,
    changed_at   BIGINT
);
CREATE INDEX meetings_citizen ON meetings(citizen_id, starts_at);
CREATE INDEX meetings_starts ON meetings(starts_at);
-- A time is one live meeting, whatever the code above does.
CREATE UNIQUE INDEX meetings_live_slot ON meetings(slot_id) WHERE state <> 'cancelled';

-- A jobcentre's own deadline for self-booking (hours before the meeting); none: the
-- default, jobspor::track::meetings::DEFAULT_BOOKING_DEADLINE_HOURS.
CREATE TABLE jobcentre_settings (
    organisation           TEXT PRIMARY KEY,
    booking_deadline_hours INTEGER NOT NULL,
    changed_at             BIGINT NOT NULL
);
