-- Issue 23: the daily notice scans read their window in pages ordered by (time, id), so each
-- page starts where the last ended instead of reading the window again. Keep in step with
-- ../sqlite/0021.
DROP INDEX citizens_last_login;
DROP INDEX citizens_last_activity;
CREATE INDEX citizens_last_login ON citizens(last_login_at, id);
CREATE INDEX citizens_last_activity ON citizens(last_activity_at, id);
