-- The helpline's search (issue 17): a token's parties newest first, read from the index alone
-- (party_id in it: no table lookup per entry while the other words typed are checked through
-- search_tokens_party). Replaces migration 80's (token, created_at).
DROP INDEX search_tokens_token;
CREATE INDEX search_tokens_token ON search_tokens (token, created_at, party_id);
