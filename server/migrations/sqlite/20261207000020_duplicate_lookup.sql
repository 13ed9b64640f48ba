-- The case page's possible duplicates (issue 17): each person's record is looked up on other
-- cases by its lower-cased email, its phone or its lower-cased name. Without these indexes each
-- lookup read every party record (two million at a million cases); with them each is three index
-- probes whose results are joined.
CREATE INDEX parties_lower_email ON parties (lower(email));
CREATE INDEX parties_phone ON parties (phone);
CREATE INDEX parties_lower_name ON parties (lower(name));
