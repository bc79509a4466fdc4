-- Staff of three kinds in one table (seed 000, "Hvem kan se mine personoplysninger?"): a
-- jobcentre's caseworkers (kind 'caseworker', serving municipality_codes), an a-kasse's
-- caseworkers (kind 'akasse', the a-kasse's code in a_kasse) and Jobnetsupporten (kind
-- 'support'). The kind is `ActorKind::as_str`; `jobcentre` holds the organisation's name.
-- Keep in step with ../postgres/0018.
ALTER TABLE caseworkers ADD COLUMN kind TEXT NOT NULL DEFAULT 'caseworker';
ALTER TABLE caseworkers ADD COLUMN a_kasse TEXT;

-- A consent Jobnetsupporten recorded before opening a citizen's profile: how and when the
-- citizen gave it, what it covers (ConsentScope codes), a reference to the conversation,
-- and when it ends. The citizen sees it beside each access it allowed (Min historik). Kept
-- as long as the access log.
CREATE TABLE support_consents (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    caseworker_id BIGINT NOT NULL REFERENCES caseworkers(id) ON DELETE CASCADE,
    citizen_id    BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    channel       TEXT NOT NULL,
    given_at      BIGINT NOT NULL,
    scope         TEXT NOT NULL,
    reference     TEXT NOT NULL,
    recorded_at   BIGINT NOT NULL,
    ends_at       BIGINT NOT NULL
);
CREATE INDEX support_consents_citizen ON support_consents(citizen_id);
CREATE INDEX support_consents_recorded ON support_consents(recorded_at);

-- Support's references rest on a consent; the page re-checks that it is live at every read.
ALTER TABLE case_references ADD COLUMN consent_id BIGINT REFERENCES support_consents(id) ON DELETE CASCADE;

-- Who in support passed an employer's request on, and how ('portal': shown to the citizen
-- on Min side; 'direct': by phone or e-mail).
ALTER TABLE contact_requests ADD COLUMN relayed_by BIGINT REFERENCES caseworkers(id) ON DELETE SET NULL;
ALTER TABLE contact_requests ADD COLUMN relayed_how TEXT;
