-- The work queue list's "organisation contains" filter (issue 17): the distinct organisation
-- names the cases carry, lower-cased, with how many cases carry each, kept by triggers. The
-- filter matches the text against these names (834,007 for the bench's 1 M cases, read in
-- about 60 ms on PostgreSQL) and reads only the matching cases through
-- `cases_queue_organisation`, instead of reading every case of the queue for a text that matches
-- few or none. A name no case carries any more (the case was renamed, or deleted by retention)
-- is removed at once: an organisation name can be a person's name. (The count, as on
-- PostgreSQL, where it keeps concurrent writers right; SQLite has one writer at a time.)
CREATE TABLE case_organisations (
    name TEXT PRIMARY KEY,
    name_lower TEXT NOT NULL,
    cases INTEGER NOT NULL
);

INSERT INTO case_organisations (name, name_lower, cases)
    SELECT organisation_name, LOWER(organisation_name), COUNT(*) FROM cases
    WHERE organisation_name IS NOT NULL GROUP BY organisation_name;

CREATE TRIGGER case_organisations_insert AFTER INSERT ON cases
    WHEN NEW.organisation_name IS NOT NULL
BEGIN
    INSERT INTO case_organisations (name, name_lower, cases)
        VALUES (NEW.organisation_name, LOWER(NEW.organisation_name), 1)
        ON CONFLICT (name) DO UPDATE SET cases = cases + 1;
END;

CREATE TRIGGER case_organisations_update_new AFTER UPDATE OF organisation_name ON cases
    WHEN NEW.organisation_name IS NOT NULL
BEGIN
    INSERT INTO case_organisations (name, name_lower, cases)
        VALUES (NEW.organisation_name, LOWER(NEW.organisation_name), 1)
        ON CONFLICT (name) DO UPDATE SET cases = cases + 1;
END;

CREATE TRIGGER case_organisations_update_old AFTER UPDATE OF organisation_name ON cases
    WHEN OLD.organisation_name IS NOT NULL
BEGIN
    UPDATE case_organisations SET cases = cases - 1 WHERE name = OLD.organisation_name;
    DELETE FROM case_organisations WHERE name = OLD.organisation_name AND cases <= 0;
END;

CREATE TRIGGER case_organisations_delete AFTER DELETE ON cases
    WHEN OLD.organisation_name IS NOT NULL
BEGIN
    UPDATE case_organisations SET cases = cases - 1 WHERE name = OLD.organisation_name;
    DELETE FROM case_organisations WHERE name = OLD.organisation_name AND cases <= 0;
END;
