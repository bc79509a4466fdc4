-- A caseworker's own audit: every lookup by CPR number, a hit as well as a miss (the
-- number looked up is the search criterion the audit must name). Kept as long as the
-- access log (JOBSPOR_ACCESS_LOG_DAYS).
CREATE TABLE caseworker_lookups (
    id            BIGSERIAL PRIMARY KEY,
    caseworker_id BIGINT NOT NULL REFERENCES caseworkers(id) ON DELETE CASCADE,
    at            BIGINT NOT NULL,
    cpr           TEXT NOT NULL,
    found         INTEGER NOT NULL
);
CREATE INDEX caseworker_lookups_by ON caseworker_lookups(caseworker_id, at);

-- The opaque reference a found citizen's page is reached by, for the caseworker who looked
-- them up, for a working day: no citizen's page by sequential id.
CREATE TABLE case_references (
    reference     TEXT PRIMARY KEY,
    caseworker_id BIGINT NOT NULL REFERENCES caseworkers(id) ON DELETE CASCADE,
    citizen_id    BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX case_references_expires ON case_references(expires_at);
