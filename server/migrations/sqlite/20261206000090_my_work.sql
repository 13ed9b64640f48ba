-- The staff home's lists (issue 17, "my work"): an email on a case is new to its officer when it
-- arrived after their latest view of the case page, read from the case audit by case, reader and
-- action; this index finds that view without reading the case's whole audit.
CREATE INDEX case_audit_reader ON case_audit (case_id, staff_id, action, at);
