-- Issue 26: statistics without identities, the research project's data points, and the
-- deletion ledger that backups are restored against. Keep in step with ../sqlite/0025.
--
-- One row per event (jobspor::statistics::StatEvent): a page view, a citizen's login or
-- logout, a reminder turned on or off, an employer's opening of a CV. No full IP address,
-- no query string, no name or CPR number is ever a value here:
--   day          the Danish date of `at` (ISO), what the statistics count by;
--   detail       a page view's route pattern (`/sagsbehandler/borger/:id`), a reminder's
--                channel (sms, email);
--   network      a page view's provider network (`203.0.0.0/8`, `2001:db8::/32`) and
--   visitor_key  the key of the rest of the address under the day's secret, which lives in
--                the server's memory only (jobspor::statistics::visitor);
--   subject      the citizen concerned, by the access log's pseudonym (access_subjects):
--                who logged in or out, turned a reminder, viewed a research page, or whose
--                CV was opened. A pseudonym, not an identifier: its link to a citizen is
--                deleted with the profile. The research export names it only by a keyed
--                HMAC;
--   company      the CVR number of the company that opened a CV.
CREATE TABLE statistics_events (
    id          BIGSERIAL PRIMARY KEY,
    at          BIGINT NOT NULL,
    day         TEXT NOT NULL,
    event       TEXT NOT NULL,
    detail      TEXT,
    network     TEXT,
    visitor_key TEXT,
    subject     TEXT,
    company     TEXT
);
CREATE INDEX statistics_events_at ON statistics_events(at);

-- A deleted profile, by a keyed HMAC of its CPR number (JOBSPOR_LEDGER_KEY), written in the
-- transaction that deletes it. `restore` puts these rows back after restoring a backup and
-- deletes again every profile they name that existed at its deletion, so that a deleted
-- profile does not come back from a backup.
CREATE TABLE deletion_ledger (
    pseudonym  TEXT PRIMARY KEY,
    deleted_at BIGINT NOT NULL
);
