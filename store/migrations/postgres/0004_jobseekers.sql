-- Issue 4: job-seeker registration, the preparation questionnaire, the pilot's health
-- answers, and the caseworkers who may read them. Keep in step with ../sqlite/0004.

CREATE TABLE jobseekers (
    citizen_id     BIGINT PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
    situation      TEXT NOT NULL,
    a_kasse        TEXT,
    registered_at  BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- The questionnaire's answers, health excepted: raw while being filled in (one JSON map,
-- saved as each step is left); the cleaned answers and the register facts shown, as they
-- were, once sent.
CREATE TABLE questionnaires (
    citizen_id      BIGINT PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
    kind            TEXT,
    answers         TEXT NOT NULL,
    register_facts  TEXT,
    updated_at      BIGINT NOT NULL,
    submitted_at    BIGINT
);

-- GDPR article 9: the disability pilot's health answers and the register data collected
-- for the pilot, kept apart from every other answer. Only the citizen and caseworkers read
-- them, and each caseworker read is written to access_log in the same transaction.
CREATE TABLE health_answers (
    citizen_id      BIGINT PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
    answers         TEXT NOT NULL,
    pilot_facts     TEXT,
    updated_at      BIGINT NOT NULL,
    submitted_at    BIGINT
);

-- Jobcentre caseworkers. A caseworker serves the citizens living in the municipalities
-- listed (comma-separated CPR municipality codes).
CREATE TABLE caseworkers (
    id                  BIGSERIAL PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    password_hash       TEXT NOT NULL,
    name                TEXT NOT NULL,
    jobcentre           TEXT NOT NULL,
    municipality_codes  TEXT NOT NULL,
    created_at          BIGINT NOT NULL
);
