-- A refused form's answer (`__err`, which may echo a CPR number, CV text or health answers)
-- kept server-side for the one page view after the redirect, instead of in the URL. Only
-- the SHA-256 of the cookie's id is stored; housekeeping deletes what is not fetched.
CREATE TABLE flashes (
    id_hash     TEXT PRIMARY KEY,
    fn_path     TEXT NOT NULL,
    page        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX flashes_created ON flashes(created_at);
