-- The published data sets (issue 21): two facts of each completed instance decide whether its
-- organisation's name is published: the case has an organisation party (its own or linked), and
-- no person on the case (own or linked) has the organisation's name. They were worked out at
-- every download with four EXISTS subqueries a row (over half the query's time); now they are
-- stored when the instance closes (server/src/case/closing.rs, the same expressions as
-- server/src/db/data_sets.rs) and backfilled here for the instances already closed. An instance
-- closed without them (NULL) is still worked out at download. (No covering indexes here, unlike
-- SQLite: a B-tree entry is limited to about 2.7 KB and the closure's attributes are free JSON.)
ALTER TABLE case_instances ADD COLUMN organisation_party BIGINT;
ALTER TABLE case_instances ADD COLUMN named_as_person BIGINT;
UPDATE case_instances SET
    organisation_party = CASE WHEN EXISTS (SELECT 1 FROM parties p WHERE p.case_id = case_instances.case_id
        AND p.role = 'organisation')
    OR EXISTS (SELECT 1 FROM party_links l WHERE l.case_id = case_instances.case_id
        AND l.role = 'organisation') THEN 1 ELSE 0 END,
    named_as_person = (SELECT CASE WHEN EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id
            AND p.role <> 'organisation'
            AND LOWER(TRIM(p.name)) = LOWER(TRIM(c.organisation_name)))
        OR EXISTS (SELECT 1 FROM party_links l JOIN parties p ON p.id = l.party_id
            WHERE l.case_id = c.id AND l.role <> 'organisation'
            AND LOWER(TRIM(p.name)) = LOWER(TRIM(c.organisation_name))) THEN 1 ELSE 0 END
        FROM cases c WHERE c.id = case_instances.case_id)
WHERE closed_on IS NOT NULL;
