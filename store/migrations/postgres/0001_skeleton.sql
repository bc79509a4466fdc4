-- Jobspor schema, PostgreSQL flavour. Keep in step with ../sqlite/0001_skeleton.sql.
-- Times are UTC unix seconds (BIGINT); calendar dates are ISO text (YYYY-MM-DD); flags are 0/1.

CREATE TABLE citizens (
    id                BIGSERIAL PRIMARY KEY,
    cpr               TEXT NOT NULL UNIQUE,
    -- From the CPR register (seed 000, "Brugeroprettelse"), refreshed at each MitID login.
    birthday          TEXT NOT NULL,
    gender            TEXT NOT NULL,
    first_name        TEXT NOT NULL,
    middle_name       TEXT,
    surname           TEXT NOT NULL,
    street            TEXT NOT NULL,
    co_address        TEXT,
    postcode          TEXT NOT NULL,
    city              TEXT NOT NULL,
    country           TEXT NOT NULL,
    municipality_code TEXT,
    municipality      TEXT,
    protected_address BIGINT NOT NULL,
    cpr_status        TEXT NOT NULL,
    register_source   TEXT NOT NULL,
    register_fetched_at BIGINT NOT NULL,
    -- Typed in by the citizen.
    username          TEXT UNIQUE,
    password_hash     TEXT,
    phone             TEXT,
    email             TEXT,
    sms_reminders     BIGINT NOT NULL DEFAULT 0,
    email_reminders   BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    last_login_at     BIGINT NOT NULL,
    last_activity_at  BIGINT NOT NULL
);

CREATE TABLE employers (
    id                   BIGSERIAL PRIMARY KEY,
    company_name         TEXT NOT NULL,
    cvr                  TEXT NOT NULL UNIQUE,
    email                TEXT NOT NULL UNIQUE,
    password_hash        TEXT NOT NULL,
    terms_version        BIGINT,
    terms_accepted_at    BIGINT,
    created_at           BIGINT NOT NULL
);

CREATE TABLE cvs (
    id          BIGSERIAL PRIMARY KEY,
    citizen_id  BIGINT NOT NULL UNIQUE REFERENCES citizens(id) ON DELETE CASCADE,
    searchable  BIGINT NOT NULL DEFAULT 0,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE work_experiences (
    id          BIGSERIAL PRIMARY KEY,
    cv_id       BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    position    TEXT NOT NULL,
    workplace   TEXT NOT NULL,
    tasks       TEXT,
    good_at     TEXT,
    start_date  TEXT NOT NULL,
    end_date    TEXT
);
CREATE INDEX work_experiences_cv ON work_experiences(cv_id);

CREATE TABLE job_wishes (
    id              BIGSERIAL PRIMARY KEY,
    cv_id           BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    occupation      TEXT NOT NULL,
    working_time    TEXT NOT NULL,
    employment_type TEXT NOT NULL
);
CREATE INDEX job_wishes_cv ON job_wishes(cv_id);

-- The search index: one row per distinct Danish stem in a CV's text. Rebuilt on each save.
CREATE TABLE cv_terms (
    cv_id  BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    term   TEXT NOT NULL,
    PRIMARY KEY (term, cv_id)
);
CREATE INDEX cv_terms_cv ON cv_terms(cv_id);

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    actor_kind    TEXT NOT NULL,
    subject_id    BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);

CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    user_key  TEXT NOT NULL,
    address   TEXT NOT NULL,
    at        BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures(user_key, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

-- "Min historik": every login to the profile and every read of it by someone else.
CREATE TABLE access_log (
    id          BIGSERIAL PRIMARY KEY,
    citizen_id  BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor_kind  TEXT NOT NULL,
    actor_id    BIGINT,
    actor_label TEXT NOT NULL,
    action      TEXT NOT NULL
);
CREATE INDEX access_log_citizen ON access_log(citizen_id, at);
