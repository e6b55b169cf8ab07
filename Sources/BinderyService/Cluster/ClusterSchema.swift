/// The cluster's tables in PostgreSQL, one migration a version (`ClusterDatabase.migrate`); a migration once
/// released is never edited, only followed by another.
enum ClusterSchema {
    /// The advisory lock keys (`pg_advisory_lock`): schema changes, and the watcher's leadership.
    static let migrationLock: Int64 = 0x6269_6e64_0001
    static let leaderLock: Int64 = 0x6269_6e64_0002
    /// The channel `NOTIFY` carries the nodes' events on (`ClusterEvents`).
    static let eventChannel = "bindery_events"

    static let migrations: [[String]] = [
        [
            // What the state store holds on one machine (`StateStore`), shared.
            """
            CREATE TABLE bindery_documents (
                path text PRIMARY KEY, size bigint NOT NULL, sha256 text NOT NULL, job_key text, state text NOT NULL,
                error text, updated_at double precision NOT NULL, source_stamp text, metadata text)
            """,
            """
            CREATE TABLE bindery_outputs (
                path text PRIMARY KEY, document_path text NOT NULL, format text NOT NULL, size bigint NOT NULL,
                sha256 text NOT NULL, job_key text NOT NULL, published_at double precision NOT NULL)
            """,
            "CREATE INDEX bindery_outputs_document ON bindery_outputs (document_path)",
            """
            CREATE TABLE bindery_job_history (
                id bigserial PRIMARY KEY, path text NOT NULL, trigger text NOT NULL, job_key text,
                queued_at double precision NOT NULL, started_at double precision NOT NULL, finished_at double precision NOT NULL,
                attempts integer NOT NULL, outcome text NOT NULL, error text, warnings text, node text)
            """,
            "CREATE INDEX bindery_job_history_path ON bindery_job_history (path, id)",
            // The queue: one row a job, queued or running; at most one queued a source. A claim takes a new
            // fencing token from the sequence; only the holder of the row's current token may end or publish it.
            "CREATE SEQUENCE bindery_fence",
            """
            CREATE TABLE bindery_queue (
                id bigserial PRIMARY KEY, path text NOT NULL, kind text NOT NULL, trigger text NOT NULL,
                priority integer NOT NULL, queued_at timestamptz NOT NULL DEFAULT now(),
                run_after timestamptz NOT NULL DEFAULT now(), attempt integer NOT NULL DEFAULT 1,
                is_large boolean NOT NULL DEFAULT false, state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running')),
                owner text, fence bigint NOT NULL DEFAULT 0, started_at timestamptz, lease_until timestamptz,
                cancelled boolean NOT NULL DEFAULT false, superseded boolean NOT NULL DEFAULT false)
            """,
            "CREATE UNIQUE INDEX bindery_queue_one_queued ON bindery_queue (path) WHERE state = 'queued'",
            "CREATE INDEX bindery_queue_next ON bindery_queue (priority DESC, queued_at, id) WHERE state = 'queued'",
            "CREATE INDEX bindery_queue_running ON bindery_queue (path) WHERE state = 'running'",
            // The nodes, by the heartbeat each writes.
            """
            CREATE TABLE bindery_nodes (
                name text PRIMARY KEY, role text NOT NULL, host text NOT NULL, pid integer NOT NULL,
                started_at timestamptz NOT NULL, heartbeat_at timestamptz NOT NULL, is_leader boolean NOT NULL DEFAULT false,
                running integer NOT NULL DEFAULT 0)
            """,
        ],
    ]
}
