-- Issue 5: SQLite's text index vocabulary (fts5vocab). PostgreSQL stems with its own
-- `danish` configuration, so there is nothing to do here; the file keeps the engines'
-- migration numbers in step.
SELECT 1;
