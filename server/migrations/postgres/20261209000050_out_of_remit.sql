-- Concerns the assistant found outside the regulator's remit (issue 19, part 2), so that demand
-- can be counted: the route, the first reason and where the person was sent, once per journey
-- (keyed by a hash of the journey's id, so no cookie value is stored), and the day it was found.
-- Nothing about the person or the organisation.
CREATE TABLE out_of_remit (
    journey_key TEXT PRIMARY KEY NOT NULL,
    found_on TEXT NOT NULL,
    route TEXT NOT NULL,
    reason TEXT NOT NULL,
    signpost TEXT
);
CREATE INDEX out_of_remit_found_on ON out_of_remit (found_on);
