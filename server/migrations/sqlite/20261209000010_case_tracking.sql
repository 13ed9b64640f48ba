-- Track my case (issue 21). Only the SHA-256 of an emailed link's token and of a browser's
-- session token is kept: a copy of the database opens no case.
CREATE TABLE track_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX track_links_case ON track_links (case_id);

CREATE TABLE track_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    expires_at BIGINT NOT NULL
);
CREATE INDEX track_sessions_case ON track_sessions (case_id);
