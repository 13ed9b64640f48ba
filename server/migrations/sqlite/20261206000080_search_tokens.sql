-- The helpline's search by any word of a name, forgiving one mistake (issue 17): each word of
-- each party's name as a token, with its one-character deletions (the rules and the token
-- format are app::domain::helpline::name_tokens), and the case's creation time so the most
-- recent cases come first from the index. Written with the party by every writer of parties
-- (Database::refresh_search_tokens) and gone with it (ON DELETE CASCADE). The same SQL answers
-- on SQLite and PostgreSQL (no full-text extension). Existing parties are tokenised once, in
-- batches, just after this migration runs (Database::backfill_search_tokens, while the row in
-- search_token_backfill is there).
CREATE TABLE search_tokens (
    token TEXT NOT NULL,
    party_id TEXT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX search_tokens_token ON search_tokens (token, created_at);
CREATE INDEX search_tokens_party ON search_tokens (party_id, token);

CREATE TABLE search_token_backfill (pending BIGINT NOT NULL);
INSERT INTO search_token_backfill (pending) VALUES (1);
