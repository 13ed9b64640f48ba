-- Mail keeps its attachments (issue 19): an inbound email's Message-ID (so the same message
-- posted twice is stored and acknowledged once), the case suggested for a message waiting on the
-- sift list (an open case whose party has the verified sender's address), and each attachment:
-- kept in the file store (`storage_key`, and once the message is on a case the document made of
-- it) or refused (`refused`, the reason's code) so the officer sees what did not come through.
ALTER TABLE case_messages ADD COLUMN rfc_message_id TEXT;
CREATE UNIQUE INDEX case_messages_rfc_message_id ON case_messages (rfc_message_id);
ALTER TABLE case_messages ADD COLUMN suggested_reference TEXT;
CREATE TABLE message_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL REFERENCES case_messages (id),
    position BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    file_type TEXT,
    size_bytes BIGINT NOT NULL,
    storage_key TEXT,
    refused TEXT,
    document_id TEXT REFERENCES documents (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments (message_id, position);
CREATE INDEX message_attachments_document ON message_attachments (document_id);
CREATE INDEX message_attachments_storage_key ON message_attachments (storage_key);
