-- Issue 20: sign-in through OpenID Connect. Keep in step with ../postgres/0014.
-- An employer is a company (CVR) with the persons who sign in for it through MitID Erhverv;
-- its name and e-mail come from the CVR register at each sign-in. Caseworkers sign in
-- through their organisation's provider (`username` is the provider's subject). Only a
-- citizen who chose one keeps a password.
ALTER TABLE employers DROP COLUMN password_hash;
ALTER TABLE caseworkers DROP COLUMN password_hash;

CREATE TABLE employer_users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    employer_id    BIGINT NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    idp_subject    TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    last_login_at  BIGINT NOT NULL
);
CREATE INDEX employer_users_employer ON employer_users(employer_id);

-- Who accepted the terms for the company (with terms_version and terms_accepted_at).
ALTER TABLE employers ADD COLUMN terms_accepted_by BIGINT REFERENCES employer_users(id) ON DELETE SET NULL;

-- The assurance level the session began with (the provider's `acr`, or local password).
ALTER TABLE sessions ADD COLUMN acr TEXT;

-- A sign-in between its start and the provider's answer: state (hashed), nonce and PKCE
-- verifier, used once, for ten minutes at most.
CREATE TABLE sign_ins (
    state_hash     TEXT PRIMARY KEY,
    provider       TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX sign_ins_created ON sign_ins(created_at);
