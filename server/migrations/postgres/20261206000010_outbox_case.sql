-- The idempotent retry of a case hand-in finds the case's acknowledgement by case: without
-- this index that lookup read the whole outbox.
CREATE INDEX outbox_case ON outbox (case_id);
