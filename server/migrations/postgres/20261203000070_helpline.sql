-- The helpline console (manual §12): parties searchable by a normalised name, email address and
-- phone number (kept by a trigger, so every writer of parties stays as it is; the rules are
-- app::domain::helpline::normalise_*), callbacks, and prioritisation requests. Staff
-- availability (away_until) and line managers (manager_id) are in the staff table already.
-- The search columns compare byte by byte (COLLATE "C") so a prefix is an index range.
ALTER TABLE parties ADD COLUMN search_name TEXT COLLATE "C";
ALTER TABLE parties ADD COLUMN search_email TEXT COLLATE "C";
ALTER TABLE parties ADD COLUMN search_phone TEXT COLLATE "C";

CREATE FUNCTION parties_search_columns() RETURNS trigger AS $$
DECLARE
    digits TEXT;
BEGIN
    NEW.search_name := lower(trim(regexp_replace(NEW.name, '\s+', ' ', 'g')));
    NEW.search_email := lower(trim(NEW.email));
    digits := regexp_replace(NEW.phone, '[ ().-]', '', 'g');
    IF digits LIKE '+44%' THEN
        digits := '0' || substr(digits, 4);
    ELSIF digits LIKE '0044%' THEN
        digits := '0' || substr(digits, 5);
    END IF;
    NEW.search_phone := digits;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER parties_search BEFORE INSERT OR UPDATE OF name, email, phone ON parties
    FOR EACH ROW EXECUTE FUNCTION parties_search_columns();
UPDATE parties SET name = name;
CREATE INDEX parties_search_name ON parties (search_name);
CREATE INDEX parties_search_email ON parties (search_email);
CREATE INDEX parties_search_phone ON parties (search_phone);

-- A callback arranged by the helpline (manual §12): who returns the call and by when; the
-- people passed over when the caller would not wait; each attempt is an event on the case.
CREATE TABLE callbacks (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    booked_by TEXT NOT NULL REFERENCES staff (id),
    booked_at BIGINT NOT NULL,
    due_on TEXT NOT NULL,
    caller_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    note TEXT NOT NULL,
    caller_waits BIGINT NOT NULL,
    passed_over TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_result TEXT,
    done_at BIGINT
);
CREATE INDEX callbacks_staff ON callbacks (staff_id, status, due_on);
CREATE INDEX callbacks_case ON callbacks (case_id);

-- A caller's request that their case be prioritised, for the relevant manager to grant or
-- decline (with a reason).
CREATE TABLE priority_requests (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    manager_id TEXT NOT NULL REFERENCES staff (id),
    requested_by TEXT NOT NULL REFERENCES staff (id),
    requested_at BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES staff (id),
    decided_at BIGINT,
    decline_reason TEXT
);
CREATE INDEX priority_requests_manager ON priority_requests (manager_id, status);
CREATE INDEX priority_requests_case ON priority_requests (case_id);
