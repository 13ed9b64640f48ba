-- A work queue's list filtered to a service level and sorted by age (issue 17) reads the
-- matches through the next deadline's index and sorts them: the index now holds the age too,
-- so that read needs no row of the table.
DROP INDEX IF EXISTS cases_queue_next_due;
CREATE INDEX cases_queue_next_due ON cases (work_queue, status, next_due, created_at, reference, sifted_on, case_type, assigned_to, id);
