-- Issue 3: every CV section in one table. An entry's value is the core's validated type as
-- JSON (`jobspor::cv::entry::CvEntry`), its section beside it; the store never interprets
-- it, the core re-reads it. Keep in step with the other engine's 0003.
CREATE TABLE cv_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cv_id       BIGINT NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX cv_entries_cv ON cv_entries(cv_id, section);

INSERT INTO cv_entries (cv_id, section, data, created_at, updated_at)
SELECT w.cv_id, 'work_experience',
       json_object('position', w.position, 'workplace', w.workplace, 'tasks', w.tasks, 'good_at', w.good_at,
                   'period', json_object('start', w.start_date, 'end', w.end_date)),
       c.updated_at, c.updated_at
FROM work_experiences w JOIN cvs c ON c.id = w.cv_id ORDER BY w.id;

INSERT INTO cv_entries (cv_id, section, data, created_at, updated_at)
SELECT e.cv_id, 'education',
       json_object('education', e.education, 'institution', e.institution, 'description', e.description,
                   'start', e.start_date, 'end', e.end_date),
       c.updated_at, c.updated_at
FROM educations e JOIN cvs c ON c.id = e.cv_id ORDER BY e.id;

-- Job wishes were free text; they must now come from the controlled list of occupations,
-- which no SQL can map to. They are dropped, and a CV without a job wish is not searchable.
UPDATE cvs SET searchable = 0 WHERE id IN (SELECT cv_id FROM job_wishes);
DROP TABLE job_wishes;
DROP TABLE work_experiences;
DROP TABLE educations;

-- A section being edited, kept server-side so nothing typed is lost (one per section).
CREATE TABLE cv_drafts (
    citizen_id  BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    entry_id    BIGINT,
    data        TEXT NOT NULL,
    saved_at    BIGINT NOT NULL,
    PRIMARY KEY (citizen_id, section)
);
