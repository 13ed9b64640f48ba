-- The casework backend's intake: cases, their parties, sift flags, work items, and the outbox
-- of messages to send (written in the same transaction as the case).
CREATE TABLE counters (
    name TEXT PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('case_reference', 0);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    idempotency_key TEXT UNIQUE,
    case_type TEXT NOT NULL,
    work_queue TEXT NOT NULL,
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    created_on TEXT NOT NULL,
    assign_by TEXT NOT NULL,
    first_contact_due TEXT NOT NULL,
    contact_promised_by TEXT NOT NULL,
    close_by TEXT NOT NULL,
    organisation_name TEXT,
    sector TEXT,
    answers TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX cases_work_queue ON cases (work_queue, status);

CREATE TABLE parties (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    details TEXT NOT NULL
);
CREATE INDEX parties_case ON parties (case_id);

CREATE TABLE sift_flags (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    cleared_at BIGINT,
    cleared_reason TEXT
);
CREATE INDEX sift_flags_case ON sift_flags (case_id);

CREATE TABLE work_items (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    queue TEXT NOT NULL,
    due_on TEXT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX work_items_case ON work_items (case_id);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT REFERENCES cases (id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
