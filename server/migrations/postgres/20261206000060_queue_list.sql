-- The work queue list (issue 17): each case keeps its next running deadline (`next_due`: the
-- earliest of first contact, contact promised and closure while 'prepare' is not done; closure
-- after; none once closed) and its customer's name (`customer_name`), kept by triggers, so the
-- list filters and sorts by them through indexes at a million cases.
ALTER TABLE cases ADD COLUMN next_due TEXT;
ALTER TABLE cases ADD COLUMN customer_name TEXT;

CREATE FUNCTION case_next_due(case_id TEXT, status TEXT, first_contact_due TEXT,
    contact_promised_by TEXT, close_by TEXT) RETURNS TEXT AS $$
    SELECT CASE
        WHEN status <> 'open' THEN NULL
        WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = $1 AND w.kind = 'prepare'
                     AND w.completed_at IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.case_id = $1 AND w.kind = 'prepare'
                     AND w.completed_at IS NULL)
            THEN close_by
        ELSE LEAST(first_contact_due, contact_promised_by, close_by) END
$$ LANGUAGE sql STABLE;

CREATE FUNCTION case_customer_name(case_id TEXT) RETURNS TEXT AS $$
    SELECT p.name FROM parties p WHERE p.case_id = $1 AND p.role = 'customer'
    ORDER BY p.id LIMIT 1
$$ LANGUAGE sql STABLE;

UPDATE cases SET next_due = case_next_due(id, status, first_contact_due, contact_promised_by, close_by),
    customer_name = case_customer_name(id);

CREATE FUNCTION cases_next_due_row() RETURNS trigger AS $$
BEGIN
    NEW.next_due := case_next_due(NEW.id, NEW.status, NEW.first_contact_due,
        NEW.contact_promised_by, NEW.close_by);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_next_due BEFORE INSERT OR UPDATE OF status, first_contact_due, contact_promised_by, close_by
    ON cases FOR EACH ROW EXECUTE FUNCTION cases_next_due_row();

CREATE FUNCTION cases_next_due_item() RETURNS trigger AS $$
BEGIN
    UPDATE cases SET status = status WHERE id = NEW.case_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_next_due_item_insert AFTER INSERT ON work_items
    FOR EACH ROW WHEN (NEW.kind = 'prepare') EXECUTE FUNCTION cases_next_due_item();
CREATE TRIGGER cases_next_due_item_update AFTER UPDATE OF completed_at, kind, case_id ON work_items
    FOR EACH ROW EXECUTE FUNCTION cases_next_due_item();

CREATE FUNCTION cases_customer_party() RETURNS trigger AS $$
BEGIN
    UPDATE cases SET customer_name = case_customer_name(NEW.case_id) WHERE id = NEW.case_id;
    IF TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id THEN
        UPDATE cases SET customer_name = case_customer_name(OLD.case_id) WHERE id = OLD.case_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_customer_insert AFTER INSERT ON parties
    FOR EACH ROW WHEN (NEW.role = 'customer') EXECUTE FUNCTION cases_customer_party();
CREATE TRIGGER cases_customer_update AFTER UPDATE OF name, role, case_id ON parties
    FOR EACH ROW EXECUTE FUNCTION cases_customer_party();

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
