-- Personal data breach reports: the history of every case (its events), the drafts organisations
-- save and come back to, and the emailed links that open one draft.
CREATE TABLE case_events (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE breach_drafts (
    id TEXT PRIMARY KEY NOT NULL,
    draft TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX breach_drafts_expiry ON breach_drafts (expires_at);

-- Only the SHA-256 of a link's token is kept: a copy of the database opens no draft.
CREATE TABLE breach_resume_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    draft_id TEXT NOT NULL REFERENCES breach_drafts (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX breach_resume_links_draft ON breach_resume_links (draft_id);
