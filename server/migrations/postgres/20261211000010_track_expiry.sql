-- Track my case: expired sessions and links open nothing. The retention run (hourly) deletes
-- them through these indexes, instead of every request that opens a case scanning both tables,
-- and records how many it deleted.
CREATE INDEX track_sessions_expires ON track_sessions (expires_at);
CREATE INDEX track_links_expires ON track_links (expires_at);
ALTER TABLE retention_runs ADD COLUMN track_rows_deleted BIGINT NOT NULL DEFAULT 0;
