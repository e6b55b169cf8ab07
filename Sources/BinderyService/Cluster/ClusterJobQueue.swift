import Dispatch
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// A `JobQueue` shared by the nodes of a cluster, in PostgreSQL (`bindery_queue`): jobs claimed with
/// `FOR UPDATE SKIP LOCKED` (the Oban, River, Graphile Worker and pgmq pattern) under a lease this node renews;
/// a claim takes a new fencing token, which completing, retrying and publishing (`ClusterPublishFence`) check. A
/// node killed mid-job loses its leases and its jobs are claimed again. This node's workers are Dispatch threads,
/// at most `parallelism`, each claiming one job at a time; priorities, coalescing (one queued job a source),
/// supersession, cancelling and retries act on the shared rows, so they hold across nodes.
package final class ClusterJobQueue: JobQueue {
    package struct Settings: Sendable {
        package var parallelism: Int
        /// How long a claim lasts unless renewed (every third of it).
        package var leaseSeconds: Double
        /// How often an idle worker looks for work (a submission on this node wakes one at once).
        package var pollSeconds: Double = 0.25

        package init(parallelism: Int, leaseSeconds: Double) {
            self.parallelism = max(1, parallelism)
            self.leaseSeconds = max(1, leaseSeconds)
        }
    }

    /// A job this node runs: its row, the fencing token of its claim and its flags.
    private struct Running {
        let id: Int64
        let fence: Int64
        let token: JobToken
        let isLarge: Bool
    }

    private struct State {
        var running: [String: Running] = [:]
        var paused = false
        var accepting = true
        var started = false
        /// The queue as last counted (`list`).
        var listing = JobQueueListing(counts: JobQueueCounts(queued: 0, running: 0, retrying: 0, paused: false), running: [:])
        /// Submissions the database refused (it is restarting): sent again by the next tick, newest wins.
        var unsent: [String: (trigger: JobTrigger, kind: JobKind)] = [:]
    }

    let database: ClusterDatabase
    let node: String
    let settings: Settings
    private let logger: Logger
    private let executor: DispatchJobQueue.Executor
    private let isLarge: @Sendable (String) -> Bool
    private let state = Mutex(State())
    private let wakeups = DispatchSemaphore(value: 0)
    private let workers = DispatchQueue(label: "bindery.cluster.jobs", qos: .utility, attributes: .concurrent)
    private let ticks = DispatchQueue(label: "bindery.cluster.lease")
    /// Called after each tick with this node's running count (`ClusterNodes`' heartbeat).
    private let onTick: @Sendable (Int) -> Void

    package init(
        database: ClusterDatabase, node: String, settings: Settings, logger: Logger, isLarge: @escaping @Sendable (String) -> Bool = { _ in false },
        onTick: @escaping @Sendable (Int) -> Void = { _ in }, executor: @escaping DispatchJobQueue.Executor
    ) {
        self.database = database
        self.node = node
        self.settings = settings
        self.logger = logger
        self.isLarge = isLarge
        self.onTick = onTick
        self.executor = executor
    }

    /// Starts this node's workers and its lease renewal; a node that only submits (a test) need not.
    package func start() {
        guard state.withLock({ state in
            defer { state.started = true }
            return !state.started
        }) else { return }
        for _ in 0..<settings.parallelism { workers.async { [self] in work() } }
        scheduleTick()
    }

    // MARK: Producers

    package func submit(_ path: String, trigger: JobTrigger) {
        send(path, trigger: trigger, kind: .convert)
    }

    package func submitDeletion(_ path: String, trigger: JobTrigger) {
        send(path, trigger: trigger, kind: .delete)
    }

    private func send(_ path: String, trigger: JobTrigger, kind: JobKind) {
        guard state.withLock({ $0.accepting }) else { return }
        let large = kind == .convert && isLarge(path)
        do {
            try enqueue(path, trigger: trigger, kind: kind, isLarge: large)
            state.withLock { $0.unsent[path] = nil }
            // A job running here learns at once; on other nodes, at their next renewal.
            state.withLock { state in
                guard let running = state.running[path] else { return }
                if kind == .delete { running.token.cancel() } else if trigger != .startup { running.token.supersede() }
            }
            wakeups.signal()
        } catch {
            logger.warning("cluster.submit-deferred", metadata: ["path": "\(path)", "error": "\(error.message)"])
            state.withLock { $0.unsent[path] = (trigger, kind) }
        }
    }

    /// Queues a job, or folds it into the one queued for the source (the higher priority; a deletion stays one),
    /// and flags the running one superseded (a conversion) or cancelled (a deletion).
    private func enqueue(_ path: String, trigger: JobTrigger, kind: JobKind, isLarge: Bool) throws(ServiceError) {
        let flag = kind == .delete ? "cancelled" : "superseded"
        try database.transaction { connection in
            // Serialised per source with `fail`, whose requeue would meet this insert on the one-queued-job index.
            try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(path)))")
            // A rescan's submission (a new leader's) is no evidence of a change: the running job goes on, and the one
            // queued after it finds the source up to date by its stamps.
            if kind == .delete || trigger != .startup {
                try await connection.run("UPDATE bindery_queue SET \(unescaped: flag) = true WHERE path = \(path) AND state = 'running'")
            }
            try await connection.run("""
                INSERT INTO bindery_queue (path, kind, trigger, priority, is_large) VALUES (\(path), \(kind.rawValue), \(trigger.rawValue),
                \(trigger.priority), \(isLarge))
                ON CONFLICT (path) WHERE state = 'queued' DO UPDATE SET
                kind = CASE WHEN bindery_queue.kind = 'delete' THEN 'delete' ELSE EXCLUDED.kind END,
                trigger = CASE WHEN EXCLUDED.priority > bindery_queue.priority THEN EXCLUDED.trigger ELSE bindery_queue.trigger END,
                priority = GREATEST(EXCLUDED.priority, bindery_queue.priority), is_large = EXCLUDED.is_large,
                queued_at = now(), run_after = LEAST(bindery_queue.run_after, now()), attempt = 1
                """)
        }
    }

    @discardableResult
    package func cancel(_ path: String) -> Bool {
        let local = state.withLock { state -> Bool in
            state.unsent[path] = nil
            state.running[path]?.token.cancel()
            return state.running[path] != nil
        }
        do throws(ServiceError) {
            let touched = try database.transaction { connection in
                var count = 0
                // A queued deletion records what already happened to the file: a cancel does not undo it.
                for try await _ in try await connection.query(
                    "DELETE FROM bindery_queue WHERE path = \(path) AND state = 'queued' AND kind <> 'delete' RETURNING id", logger: connection.logger
                ) { count += 1 }
                for try await _ in try await connection.query(
                    "UPDATE bindery_queue SET cancelled = true WHERE path = \(path) AND state = 'running' RETURNING id", logger: connection.logger
                ) { count += 1 }
                return count
            }
            return local || touched > 0
        } catch {
            logger.error("cluster.cancel-failed", metadata: ["path": "\(path)", "error": "\(error.message)"])
            return local
        }
    }

    // MARK: Workers

    package func claim() -> ClaimedJob? {
        let (allowed, allowLarge) = state.withLock { state in
            (state.accepting && !state.paused && state.running.count < settings.parallelism,
             settings.parallelism == 1 || state.running.values.count(where: \.isLarge) < settings.parallelism - 1)
        }
        guard allowed else { return nil }
        let (node, lease) = (self.node, settings.leaseSeconds)
        let row: (Int64, String, String, String, Double, Int, Int64, Bool)?
        do {
            row = try database.call { client in
                for try await row in try await client.query("""
                    UPDATE bindery_queue q SET state = 'running', owner = \(node), fence = nextval('bindery_fence'), started_at = now(),
                    lease_until = now() + make_interval(secs => \(lease)), cancelled = false, superseded = false
                    WHERE q.id = (
                        SELECT c.id FROM bindery_queue c WHERE c.state = 'queued' AND c.run_after <= now() AND (\(allowLarge) OR NOT c.is_large)
                        AND NOT EXISTS (SELECT 1 FROM bindery_queue r WHERE r.path = c.path AND r.state = 'running')
                        ORDER BY c.priority DESC, c.queued_at, c.id LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING q.id, q.path, q.kind, q.trigger, extract(epoch FROM q.queued_at)::float8, q.attempt, q.fence, q.is_large
                    """).decode((Int64, String, String, String, Double, Int, Int64, Bool).self) {
                    return row
                }
                return nil
            }
        } catch {
            logger.warning("cluster.claim-failed", metadata: ["error": "\(error.message)"])
            return nil
        }
        guard let row else { return nil }
        let (id, path, kind, trigger, queuedAt, attempt, fence, large) = row
        let token = JobToken(fence: ClusterPublishFence(database: database, id: id, fence: fence, leaseSeconds: lease))
        let ticket = JobTicket(
            path: path, trigger: JobTrigger(rawValue: trigger) ?? .event, queuedAt: Date(timeIntervalSince1970: queuedAt), attempt: attempt,
            isLarge: large, kind: JobKind(rawValue: kind) ?? .convert)
        state.withLock { $0.running[path] = Running(id: id, fence: fence, token: token, isLarge: large) }
        return ClaimedJob(ticket: ticket, token: token)
    }

    package func complete(_ job: ClaimedJob) {
        guard let running = finished(job) else { return }
        do {
            let node = self.node
            try database.execute("DELETE FROM bindery_queue WHERE id = \(running.id) AND fence = \(running.fence) AND state = 'running' AND owner = \(node)")
        } catch {
            // The lease runs out and the job runs again: it finds its outputs up to date.
            logger.warning("cluster.complete-failed", metadata: ["path": "\(job.ticket.path)", "error": "\(error.message)"])
        }
    }

    package func fail(_ job: ClaimedJob, retryAfter delay: Double) {
        guard let running = finished(job) else { return }
        do {
            let (node, path) = (self.node, job.ticket.path)
            try database.transaction { connection in
                try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(path)))")
                // Only while the job is still this claim's: a lost lease's row is queued again, or another node's.
                // Cancelled, or superseded by a newer job queued for the source: nothing to retry.
                try await connection.run("""
                    DELETE FROM bindery_queue r WHERE r.id = \(running.id) AND r.fence = \(running.fence) AND r.state = 'running'
                    AND r.owner = \(node) AND (r.cancelled OR EXISTS (
                    SELECT 1 FROM bindery_queue q WHERE q.path = r.path AND q.state = 'queued' AND q.id <> r.id))
                    """)
                try await connection.run("""
                    UPDATE bindery_queue SET state = 'queued', owner = NULL, lease_until = NULL, attempt = attempt + 1,
                    run_after = now() + make_interval(secs => \(delay))
                    WHERE id = \(running.id) AND fence = \(running.fence) AND state = 'running' AND owner = \(node)
                    """)
            }
        } catch {
            logger.warning("cluster.retry-failed", metadata: ["path": "\(job.ticket.path)", "error": "\(error.message)"])
        }
    }

    /// Forgets a job this node ran; nil when it was not this node's.
    private func finished(_ job: ClaimedJob) -> Running? {
        defer { wakeups.signal() }
        return state.withLock { state in
            guard let running = state.running[job.ticket.path], running.token === job.token else { return nil }
            state.running[job.ticket.path] = nil
            return running
        }
    }

    /// One worker: claims and runs jobs until the queue stops accepting.
    private func work() {
        while true {
            let (accepting, canClaim) = state.withLock { ($0.accepting, $0.accepting && !$0.paused) }
            guard accepting else { return }
            guard canClaim, let job = claim() else {
                _ = wakeups.wait(timeout: .now() + settings.pollSeconds)
                continue
            }
            switch executor(job.ticket, job.token) {
            case .done: complete(job)
            case .retry(let delay): fail(job, retryAfter: delay)
            }
        }
    }

    // MARK: Leases

    private func scheduleTick() {
        ticks.asyncAfter(deadline: .now() + settings.leaseSeconds / 3) { [self] in
            tick()
            if state.withLock({ $0.accepting || !$0.running.isEmpty }) { scheduleTick() }
        }
    }

    /// Renews this node's leases (a job whose lease another node took is cancelled here; the flags other nodes set
    /// reach its token), puts back the jobs of nodes whose leases ran out, and sends deferred submissions.
    func tick() {
        let running = state.withLock { $0.running }
        let (ids, fences) = (running.values.map(\.id), running.values.map(\.fence))
        let lease = settings.leaseSeconds
        do {
            // Rows locked by a publish in progress are skipped: the fence extended their lease itself.
            let current = try database.call { client in
                var current: [Int64: (cancelled: Bool, superseded: Bool)] = [:]
                guard !ids.isEmpty else { return current }
                _ = try await client.query("""
                    UPDATE bindery_queue q SET lease_until = now() + make_interval(secs => \(lease))
                    WHERE q.id IN (SELECT c.id FROM bindery_queue c, unnest(\(ids)::bigint[], \(fences)::bigint[]) AS mine(id, fence)
                    WHERE c.id = mine.id AND c.fence = mine.fence AND c.state = 'running' FOR UPDATE OF c SKIP LOCKED)
                    """).collect()
                for try await (id, cancelled, superseded) in try await client.query("""
                    SELECT q.id, q.cancelled, q.superseded FROM bindery_queue q, unnest(\(ids)::bigint[], \(fences)::bigint[]) AS mine(id, fence)
                    WHERE q.id = mine.id AND q.fence = mine.fence AND q.state = 'running'
                    """).decode((Int64, Bool, Bool).self) {
                    current[id] = (cancelled, superseded)
                }
                return current
            }
            for (path, job) in running {
                guard let flags = current[job.id] else {
                    logger.warning("cluster.lease-lost", metadata: ["path": "\(path)"])
                    job.token.cancel()
                    continue
                }
                if flags.cancelled { job.token.cancel() }
                if flags.superseded { job.token.supersede() }
            }
            try reapExpiredLeases()
        } catch {
            logger.warning("cluster.renew-failed", metadata: ["error": "\(error.message)"])
        }
        for (path, submission) in state.withLock({ $0.unsent }) { send(path, trigger: submission.trigger, kind: submission.kind) }
        let listing = fetchListing()
        state.withLock { $0.listing = listing }
        onTick(running.count)
    }

    /// Jobs whose node stopped renewing: dropped when cancelled or superseded by a queued job, abandoned (recorded
    /// failed) after `abandonAfter` attempts (a document that kills its nodes), else queued again under a new fencing
    /// token. Rows locked by a publish in progress are left alone.
    private func reapExpiredLeases() throws(ServiceError) {
        let limit = Self.abandonAfter
        try database.transaction { connection in
            try await connection.run("""
                DELETE FROM bindery_queue r WHERE r.id IN (SELECT id FROM bindery_queue WHERE state = 'running' AND lease_until < now()
                FOR UPDATE SKIP LOCKED) AND (r.cancelled OR EXISTS (SELECT 1 FROM bindery_queue q WHERE q.path = r.path AND q.state = 'queued'))
                """)
            try await connection.run("""
                WITH abandoned AS (DELETE FROM bindery_queue WHERE id IN (SELECT id FROM bindery_queue WHERE state = 'running'
                AND lease_until < now() AND attempt >= \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING path, trigger, queued_at, started_at, attempt, owner)
                INSERT INTO bindery_job_history (path, trigger, queued_at, started_at, finished_at, attempts, outcome, error, node)
                SELECT path, trigger, extract(epoch FROM queued_at), extract(epoch FROM started_at), extract(epoch FROM now()), attempt,
                'failed', 'its node stopped during the job ' || attempt || ' times (killed, or out of memory?): not tried again until it changes',
                owner FROM abandoned
                """)
            try await connection.run("""
                UPDATE bindery_queue SET state = 'queued', owner = NULL, lease_until = NULL, attempt = attempt + 1, run_after = now(),
                fence = nextval('bindery_fence')
                WHERE id IN (SELECT id FROM bindery_queue WHERE state = 'running' AND lease_until < now() FOR UPDATE SKIP LOCKED)
                """)
        }
    }

    /// Attempts after which a job whose nodes keep dying is given up.
    static let abandonAfter = 5

    // MARK: Observers and control

    /// The cluster's queue as last counted: fresh from a Dispatch thread; from Swift concurrency's threads (the
    /// systemd heartbeat, the HTTP `/metrics`), which must not block on the database, as the last tick counted it.
    package func list() -> JobQueueListing {
        if withUnsafeCurrentTask(body: { $0 != nil }) {
            var cached = state.withLock { $0.listing }
            cached.counts.paused = state.withLock { $0.paused }
            return cached
        }
        let listing = fetchListing()
        state.withLock { $0.listing = listing }
        return listing
    }

    private func fetchListing() -> JobQueueListing {
        let paused = state.withLock { $0.paused }
        do {
            return try database.call { client in
                var counts = JobQueueCounts(queued: 0, running: 0, retrying: 0, paused: paused)
                var running: [String: Date] = [:]
                // Counted by the database: the queue may hold hundreds of thousands of rows; the running ones are few.
                for try await (state, later, count) in try await client.query("""
                    SELECT state, run_after > now(), count(*)::bigint FROM bindery_queue GROUP BY 1, 2
                    """).decode((String, Bool, Int).self) {
                    switch (state, later) {
                    case ("running", _): counts.running += count
                    case (_, true): counts.retrying += count
                    default: counts.queued += count
                    }
                }
                for try await (path, started) in try await client.query("""
                    SELECT path, extract(epoch FROM started_at)::float8 FROM bindery_queue WHERE state = 'running'
                    """).decode((String, Double).self) {
                    running[path] = Date(timeIntervalSince1970: started)
                }
                return JobQueueListing(counts: counts, running: running)
            }
        } catch {
            let mine = state.withLock { $0.running.mapValues(\.token.startedAt) }
            return JobQueueListing(counts: JobQueueCounts(queued: 0, running: mine.count, retrying: 0, paused: paused), running: mine)
        }
    }

    /// Pauses this node's workers (the others go on).
    package func pause() { state.withLock { $0.paused = true } }

    package func resume() {
        state.withLock { $0.paused = false }
        wakeups.signal()
    }

    /// Stops claiming and waits for this node's running jobs; what is queued stays for the other nodes.
    package func drain(timeout: Double) -> Bool {
        state.withLock { $0.accepting = false }
        for _ in 0..<settings.parallelism { wakeups.signal() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if state.withLock({ $0.running.isEmpty }) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return state.withLock { $0.running.isEmpty }
    }

    /// Waits until the whole cluster has nothing queued, running or waiting to be retried (this node's pause aside).
    package func waitUntilIdle(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let counts = list().counts
            if (counts.queued == 0 || counts.paused) && counts.running == 0 && counts.retrying == 0 && state.withLock({ $0.unsent.isEmpty }) {
                return true
            }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: min(0.2, max(0.01, deadline.timeIntervalSinceNow)))
        }
    }
}
