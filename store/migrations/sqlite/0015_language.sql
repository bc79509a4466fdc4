-- Issue 21: the citizen's language for the interface ('da' or 'en'), chosen with the
-- language switch and applied at each sign-in. Keep in step with ../postgres/0015.
ALTER TABLE citizens ADD COLUMN language TEXT NOT NULL DEFAULT 'da';
