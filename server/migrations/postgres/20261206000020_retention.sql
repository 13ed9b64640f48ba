-- Retention (manual §11, policy.md §5; server/src/retention): each run recorded for audit with
-- counts only (no personal data); the lease that lets one process at a time run it; the file
-- store keys whose rows were deleted, waiting for the file to be removed (written in the same
-- transaction as the deletion, so a crash or a failing store leaves no file behind for ever);
-- and an index to ask whether any other document still uses a (content-addressed) file.
CREATE TABLE retention_runs (
    id TEXT PRIMARY KEY NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    process TEXT NOT NULL,
    outcome TEXT NOT NULL,
    cases_deleted BIGINT NOT NULL,
    marked_cases_deleted BIGINT NOT NULL,
    parties_deleted BIGINT NOT NULL,
    parties_kept BIGINT NOT NULL,
    merged_parties_deleted BIGINT NOT NULL,
    documents_deleted BIGINT NOT NULL,
    messages_deleted BIGINT NOT NULL,
    outbox_deleted BIGINT NOT NULL,
    events_deleted BIGINT NOT NULL,
    work_items_deleted BIGINT NOT NULL,
    other_rows_deleted BIGINT NOT NULL,
    journeys_deleted BIGINT NOT NULL,
    files_deleted BIGINT NOT NULL
);
CREATE INDEX retention_runs_started ON retention_runs (started_at);

CREATE TABLE retention_lease (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT,
    expires_at BIGINT NOT NULL
);
INSERT INTO retention_lease (name, holder, expires_at) VALUES ('retention', NULL, 0);

CREATE TABLE retention_pending_files (
    storage_key TEXT PRIMARY KEY NOT NULL,
    queued_at BIGINT NOT NULL
);

CREATE INDEX documents_storage_key ON documents (storage_key);

-- Retention reads the closed cases in closing order, a page at a time.
CREATE INDEX case_instances_closed_case ON case_instances (closed_on, case_id);

-- Deleting a case's parties and mail checks the rows that point at them: without these indexes
-- each check read the whole table.
CREATE INDEX parties_main_party ON parties (main_party_id);
CREATE INDEX case_messages_party ON case_messages (party_id);
CREATE INDEX case_messages_outbox ON case_messages (outbox_id);
