-- One job claimed and completed, as ClusterJobQueue does it (claim with SKIP LOCKED, then the fenced delete), for
-- pgbench on a migrated database filled with queued rows:
--   bindery migrate --queue URL
--   psql -c "INSERT INTO bindery_queue (path, kind, trigger, priority) SELECT 'doc-' || g || '.txt', 'convert', 'startup', 0 FROM generate_series(1, 200000) g"
--   pgbench -n -f Tests/Benchmarks/cluster-claim.sql -c 4 -j 4 -T 10 DB
UPDATE bindery_queue q SET state = 'running', owner = 'bench', fence = nextval('bindery_fence'), started_at = now(),
  lease_until = now() + make_interval(secs => 15), cancelled = false, superseded = false
  WHERE q.id = (SELECT c.id FROM bindery_queue c WHERE c.state = 'queued' AND c.run_after <= now() AND (true OR NOT c.is_large)
    AND NOT EXISTS (SELECT 1 FROM bindery_queue r WHERE r.path = c.path AND r.state = 'running')
    ORDER BY c.priority DESC, c.queued_at, c.id LIMIT 1 FOR UPDATE SKIP LOCKED)
  RETURNING q.id AS claimed, q.fence AS token \gset
DELETE FROM bindery_queue WHERE id = :claimed AND fence = :token;
