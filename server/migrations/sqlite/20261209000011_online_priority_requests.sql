-- Track my case (issue 21): a prioritisation request can come from the person online, with no
-- member of staff recording it. SQLite cannot drop a NOT NULL: the table is rebuilt as it was,
-- with requested_by optional (nothing refers to this table).
CREATE TABLE priority_requests_new (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    manager_id TEXT NOT NULL REFERENCES staff (id),
    requested_by TEXT REFERENCES staff (id),
    requested_at BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES staff (id),
    decided_at BIGINT,
    decline_reason TEXT
);
INSERT INTO priority_requests_new (id, case_id, manager_id, requested_by, requested_at, reasons,
    status, decided_by, decided_at, decline_reason)
SELECT id, case_id, manager_id, requested_by, requested_at, reasons, status, decided_by,
    decided_at, decline_reason FROM priority_requests;
DROP TABLE priority_requests;
ALTER TABLE priority_requests_new RENAME TO priority_requests;
CREATE INDEX priority_requests_manager ON priority_requests (manager_id, status);
CREATE INDEX priority_requests_case ON priority_requests (case_id);
