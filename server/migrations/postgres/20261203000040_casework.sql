-- Casework after intake (manual §3–§5, §11, §12, §15): what the sift decided, who has the case,
-- its title (notes such as "Welsh language", "NFC"), its instances (a re-open starts a new one
-- under the same reference), 'no further contact', the contact arrangements of its parties, the
-- staff named on a staff case (ECS), each work queue's lead, and the audit of every staff view
-- and change of a case.
ALTER TABLE cases ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN sifted_on TEXT;
ALTER TABLE cases ADD COLUMN assigned_to TEXT REFERENCES staff (id);
ALTER TABLE cases ADD COLUMN allocated_on TEXT;
ALTER TABLE cases ADD COLUMN instance BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN nfc_reason TEXT;
ALTER TABLE cases ADD COLUMN nfc_on TEXT;
ALTER TABLE cases ADD COLUMN nfc_by TEXT REFERENCES staff (id);
CREATE INDEX cases_assigned ON cases (assigned_to, status);
CREATE INDEX cases_sift ON cases (status, sifted_on);
CREATE INDEX cases_created ON cases (created_on);

CREATE TABLE case_instances (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    number BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    closed_at BIGINT,
    closed_by TEXT REFERENCES staff (id),
    outcome TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    UNIQUE (case_id, number)
);
CREATE INDEX case_instances_closed ON case_instances (closed_on);
INSERT INTO case_instances (id, case_id, number, opened_on)
    SELECT id || '-1', id, 1, created_on FROM cases;

ALTER TABLE parties ADD COLUMN restricted_contact TEXT;
ALTER TABLE parties ADD COLUMN single_point_of_contact TEXT;

ALTER TABLE work_items ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE work_items ADD COLUMN completed_by TEXT REFERENCES staff (id);
ALTER TABLE work_items ADD COLUMN note TEXT;
INSERT INTO work_items (id, case_id, kind, queue, due_on, created_at)
    SELECT id || '-prepare', id, 'prepare', work_queue, first_contact_due, created_at FROM cases;

CREATE TABLE case_staff (
    case_id TEXT NOT NULL REFERENCES cases (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    PRIMARY KEY (case_id, staff_id)
);

CREATE TABLE work_queue_leads (
    work_queue TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id)
);

CREATE TABLE case_audit (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    what TEXT NOT NULL
);
CREATE INDEX case_audit_case ON case_audit (case_id, at);
