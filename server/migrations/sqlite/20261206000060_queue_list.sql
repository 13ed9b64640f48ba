-- The work queue list (issue 17): each case keeps its next running deadline (`next_due`: the
-- earliest of first contact, contact promised and closure while 'prepare' is not done; closure
-- after; none once closed) and its customer's name (`customer_name`), kept by triggers, so the
-- list filters and sorts by them through indexes at a million cases.
ALTER TABLE cases ADD COLUMN next_due TEXT;
ALTER TABLE cases ADD COLUMN customer_name TEXT;

UPDATE cases SET next_due = CASE
    WHEN status <> 'open' THEN NULL
    WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = cases.id AND w.kind = 'prepare'
                 AND w.completed_at IS NOT NULL)
     AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = cases.id AND w.kind = 'prepare'
                 AND w.completed_at IS NULL)
        THEN close_by
    ELSE min(first_contact_due, contact_promised_by, close_by) END;
UPDATE cases SET customer_name = (SELECT p.name FROM parties p WHERE p.case_id = cases.id
    AND p.role = 'customer' ORDER BY p.id LIMIT 1);

CREATE TRIGGER cases_next_due_case AFTER UPDATE OF status, first_contact_due, contact_promised_by, close_by ON cases
BEGIN
    UPDATE cases SET next_due = CASE
        WHEN NEW.status <> 'open' THEN NULL
        WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = NEW.id AND w.kind = 'prepare'
                     AND w.completed_at IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = NEW.id AND w.kind = 'prepare'
                     AND w.completed_at IS NULL)
            THEN NEW.close_by
        ELSE min(NEW.first_contact_due, NEW.contact_promised_by, NEW.close_by) END
    WHERE id = NEW.id;
END;

CREATE TRIGGER cases_next_due_insert AFTER INSERT ON cases
BEGIN
    UPDATE cases SET next_due = CASE WHEN NEW.status <> 'open' THEN NULL
        ELSE min(NEW.first_contact_due, NEW.contact_promised_by, NEW.close_by) END
    WHERE id = NEW.id;
END;

CREATE TRIGGER cases_next_due_item_insert AFTER INSERT ON work_items WHEN NEW.kind = 'prepare'
BEGIN
    UPDATE cases SET status = status WHERE id = NEW.case_id;
END;

CREATE TRIGGER cases_next_due_item_update AFTER UPDATE OF completed_at, kind, case_id ON work_items
BEGIN
    UPDATE cases SET status = status WHERE id = NEW.case_id;
END;

CREATE TRIGGER cases_customer_insert AFTER INSERT ON parties WHEN NEW.role = 'customer'
BEGIN
    UPDATE cases SET customer_name = (SELECT p.name FROM parties p WHERE p.case_id = NEW.case_id
        AND p.role = 'customer' ORDER BY p.id LIMIT 1) WHERE id = NEW.case_id;
END;

CREATE TRIGGER cases_customer_update AFTER UPDATE OF name, role, case_id ON parties
BEGIN
    UPDATE cases SET customer_name = (SELECT p.name FROM parties p WHERE p.case_id = cases.id
        AND p.role = 'customer' ORDER BY p.id LIMIT 1) WHERE id IN (NEW.case_id, OLD.case_id);
END;

-- One index for each sort of a queue's open cases (the reference breaks ties, so a page is
-- stable). Each carries the columns the list's conditions read (sifted, type for the ECS check,
-- officer, next deadline, id), so the rows skipped to reach a page and the rows counted are read
-- from the index alone, not the table.
CREATE INDEX cases_queue_reference ON cases (work_queue, status, reference, sifted_on, case_type, assigned_to, next_due, id);
CREATE INDEX cases_queue_received ON cases (work_queue, status, created_at, reference, sifted_on, case_type, assigned_to, next_due, id);
CREATE INDEX cases_queue_next_due ON cases (work_queue, status, next_due, reference, sifted_on, case_type, assigned_to, id);
CREATE INDEX cases_queue_organisation ON cases (work_queue, status, organisation_name, reference, sifted_on, case_type, assigned_to, next_due, id);
CREATE INDEX cases_queue_customer ON cases (work_queue, status, customer_name, reference, sifted_on, case_type, assigned_to, next_due, id);
CREATE INDEX cases_queue_type ON cases (work_queue, status, case_type, reference, sifted_on, assigned_to, next_due, id);
