-- The partner feed (GET /api/v1/nuisance-numbers).
--
-- Pages of offenders in id order, only those reported at least feed_min_reports times (default
-- 3): most offenders are reported once, so a partial index of those reported twice or more keeps
-- every page (the last one too) from walking the long tail. The query repeats `total >= 2` so
-- that the index can be used with any threshold of 2 or more.
CREATE INDEX nuisance_offenders_feed ON nuisance_offenders (id) WHERE total >= 2;

-- Last-Modified is when the latest report arrived: MAX(received_at), one index lookup instead of
-- a scan of every report.
CREATE INDEX nuisance_reports_received_at ON nuisance_reports (received_at);
