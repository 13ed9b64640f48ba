-- Track my case (issue 21): a prioritisation request can come from the person online, with no
-- member of staff recording it.
ALTER TABLE priority_requests ALTER COLUMN requested_by DROP NOT NULL;
