-- The published data sets (`/data-sets`): each month's (quarter's) completed work is read in
-- (closed_on, case_id) order through case_instances_closed_case (20261206000020) and joined to
-- its case; the index page counts every month's work by case type from the indexes alone, and
-- each month's nuisance reports by channel.
CREATE INDEX cases_id_type ON cases (id, case_type);
CREATE INDEX nuisance_incidents_day_channel ON nuisance_incidents (received_day, channel);
