-- The case officer's workspace (manual §5, §11, §12): party records that can be merged into a
-- 'main' record (the duplicate is then 'marked for deletion' and its case links move to the main
-- record), the correspondence kept on each case (emails out through the system, and emails in,
-- attached by the reference in their subject or waiting on the sift list), and each officer's
-- sign-off (job title and direct dial, manual §12).
ALTER TABLE parties ADD COLUMN status TEXT NOT NULL DEFAULT 'current';
ALTER TABLE parties ADD COLUMN main_party_id TEXT REFERENCES parties (id);
ALTER TABLE parties ADD COLUMN merged_at BIGINT;
CREATE INDEX parties_status ON parties (status);

-- A party record linked to a case other than its own (a main record takes over the cases of the
-- duplicates merged into it), with the party's role on that case.
CREATE TABLE party_links (
    party_id TEXT NOT NULL REFERENCES parties (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    role TEXT NOT NULL,
    PRIMARY KEY (party_id, case_id)
);
CREATE INDEX party_links_case ON party_links (case_id);

-- Emails on a case: direction 'out' (queued in the outbox as outbox_id) or 'in' (case_id NULL
-- while it waits on the sift list's correspondence). Times are Unix milliseconds.
CREATE TABLE case_messages (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT REFERENCES cases (id),
    direction TEXT NOT NULL,
    party_id TEXT REFERENCES parties (id),
    from_address TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL,
    status TEXT NOT NULL,
    outbox_id TEXT REFERENCES outbox (id),
    sent_by TEXT REFERENCES staff (id),
    attached_at BIGINT,
    attached_by TEXT REFERENCES staff (id)
);
CREATE INDEX case_messages_case ON case_messages (case_id, at);
CREATE INDEX case_messages_status ON case_messages (status, at);

CREATE TABLE staff_sign_offs (
    staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff (id),
    job_title TEXT NOT NULL,
    direct_dial TEXT NOT NULL
);
