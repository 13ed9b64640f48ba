-- The nuisance calls and messages reporting tool (manual §9): reports, their incidents, and the
-- repeat-offender intelligence kept up to date in the same transaction as each report.
--
-- An offender is a normalised key an incident points at: a phone number in E.164, an SMS sender
-- ID, an email sender's domain, or a company name. Each offender keeps its all-time total and a
-- row per day with reports (by the day the report arrived), so the ranking over any period reads
-- the busiest offenders first and stops as soon as no other can overtake the top of the list.
CREATE TABLE nuisance_reports (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT UNIQUE,
    received_at BIGINT NOT NULL,
    received_day BIGINT NOT NULL,
    source TEXT NOT NULL,
    added_by TEXT,
    reporter TEXT
);

CREATE TABLE nuisance_incidents (
    id INTEGER PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES nuisance_reports (id),
    channel TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_day BIGINT NOT NULL,
    categories TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX nuisance_incidents_report ON nuisance_incidents (report_id);

CREATE TABLE nuisance_offenders (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    display TEXT NOT NULL,
    total BIGINT NOT NULL,
    first_day BIGINT NOT NULL,
    last_day BIGINT NOT NULL,
    UNIQUE (kind, key)
);
CREATE INDEX nuisance_offenders_rank ON nuisance_offenders (total DESC, id);
CREATE INDEX nuisance_offenders_kind_rank ON nuisance_offenders (kind, total DESC, id);

CREATE TABLE nuisance_offender_days (
    offender_id BIGINT NOT NULL REFERENCES nuisance_offenders (id),
    day BIGINT NOT NULL,
    reports BIGINT NOT NULL,
    PRIMARY KEY (offender_id, day)
) WITHOUT ROWID;

CREATE TABLE nuisance_incident_offenders (
    offender_id BIGINT NOT NULL REFERENCES nuisance_offenders (id),
    incident_id BIGINT NOT NULL REFERENCES nuisance_incidents (id),
    PRIMARY KEY (offender_id, incident_id)
) WITHOUT ROWID;
