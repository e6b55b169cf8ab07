import Foundation

/// A `JobQueue` on Dispatch: at most `parallelism` jobs at once, at most one per source, the
/// highest priority first (then the oldest), retries scheduled with `asyncAfter`. Large sources
/// (`isLarge`) run on at most `parallelism - 1` workers, so that small ones never wait for them all.
package final class DispatchJobQueue: JobQueue, @unchecked Sendable {
    /// Runs one job on a worker thread.
    package typealias Executor = @Sendable (JobTicket, JobToken) -> JobResult

    private let condition = NSCondition()
    private let parallelism: Int
    private let executor: Executor
    private let isLarge: @Sendable (String) -> Bool
    /// Large jobs that may run at once: one worker is kept for small sources (unless there is only one).
    private let largeParallelism: Int
    private let workers = DispatchQueue(label: "bindery.jobs", qos: .utility, attributes: .concurrent)
    // Guarded by `condition`.
    private var queued = PendingJobs()
    private var runningJobs: [String: JobToken] = [:]
    private var largeRunning = 0
    private var retrying = 0
    private var accepting = true
    private var paused = false

    /// `isLarge` is asked once per submission, outside the queue's lock (an `lstat`, in the daemon).
    package init(parallelism: Int, isLarge: @escaping @Sendable (String) -> Bool = { _ in false }, executor: @escaping Executor) {
        self.parallelism = max(1, parallelism)
        largeParallelism = max(1, parallelism - 1)
        self.isLarge = isLarge
        self.executor = executor
    }

    package func submit(_ path: String, trigger: JobTrigger) {
        let large = isLarge(path)
        condition.withLock {
            guard accepting else { return }
            var ticket = JobTicket(path: path, trigger: trigger, queuedAt: Date(), isLarge: large)
            if let earlier = queued[path] {
                ticket.trigger = max(earlier.trigger, trigger)
                // A deletion job converts the source if it is back, and records its deletion if not.
                ticket.kind = earlier.kind
            }
            runningJobs[path]?.supersede()
            queued.insert(ticket)
            pump()
        }
    }

    package func submitDeletion(_ path: String, trigger: JobTrigger) {
        condition.withLock {
            guard accepting else { return }
            var ticket = JobTicket(path: path, trigger: trigger, queuedAt: Date(), kind: .delete)
            if let earlier = queued[path] { ticket.trigger = max(earlier.trigger, trigger) }
            runningJobs[path]?.cancel()
            queued.insert(ticket)
            pump()
        }
    }

    @discardableResult
    package func cancel(_ path: String) -> Bool {
        condition.withLock {
            // A queued deletion records what already happened to the file: a cancel does not undo it.
            let dropped = queued[path]?.kind != .delete && queued.remove(path)
            if let token = runningJobs[path] { token.cancel() }
            condition.broadcast()
            return dropped || runningJobs[path] != nil
        }
    }

    package func pause() {
        condition.withLock { paused = true }
    }

    package func resume() {
        condition.withLock {
            paused = false
            pump()
        }
    }

    package func drain(timeout: Double) -> Bool {
        condition.withLock {
            accepting = false
            queued.removeAll()
            condition.broadcast()
        }
        return wait(timeout: timeout) { runningJobs.isEmpty }
    }

    package func waitUntilIdle(timeout: Double) -> Bool {
        wait(timeout: timeout) { (queued.isEmpty || paused) && runningJobs.isEmpty && retrying == 0 }
    }

    package func list() -> JobQueueListing {
        condition.withLock {
            JobQueueListing(
                counts: JobQueueCounts(queued: queued.count, running: runningJobs.count, retrying: retrying, paused: paused),
                running: runningJobs.mapValues(\.startedAt))
        }
    }

    package func claim() -> ClaimedJob? {
        condition.withLock { claimNext() }
    }

    package func complete(_ job: ClaimedJob) {
        condition.withLock {
            finished(job)
            pump()
            condition.broadcast()
        }
    }

    package func fail(_ job: ClaimedJob, retryAfter delay: Double) {
        condition.withLock {
            finished(job)
            if accepting, !job.token.isCancelled, queued[job.ticket.path] == nil { scheduleRetry(job.ticket, after: delay) }
            pump()
            condition.broadcast()
        }
    }

    private func wait(timeout: Double, until done: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !done() {
            if !condition.wait(until: deadline) { return done() }
        }
        return true
    }

    /// The next runnable job, marked running. Called with the lock held.
    private func claimNext() -> ClaimedJob? {
        guard !paused, accepting, runningJobs.count < parallelism,
              let next = queued.take(where: { runningJobs[$0.path] == nil && (!$0.isLarge || largeRunning < largeParallelism) })
        else { return nil }
        let token = JobToken()
        runningJobs[next.path] = token
        if next.isLarge { largeRunning += 1 }
        return ClaimedJob(ticket: next, token: token)
    }

    /// Marks a claimed job no longer running. Called with the lock held.
    private func finished(_ job: ClaimedJob) {
        runningJobs[job.ticket.path] = nil
        if job.ticket.isLarge { largeRunning -= 1 }
    }

    /// Starts queued jobs on the workers while there are free slots. Called with the lock held.
    private func pump() {
        while let job = claimNext() {
            workers.async { [self] in
                switch executor(job.ticket, job.token) {
                case .done: complete(job)
                case .retry(let delay): fail(job, retryAfter: delay)
                }
            }
        }
    }

    /// Queues `ticket` again after `delay` seconds as its next attempt. Called with the lock held.
    private func scheduleRetry(_ ticket: JobTicket, after delay: Double) {
        retrying += 1
        var next = ticket
        next.attempt += 1
        let again = next
        workers.asyncAfter(deadline: .now() + delay) { [self] in
            condition.withLock {
                retrying -= 1
                if accepting, queued[again.path] == nil { queued.insert(again) }
                pump()
                condition.broadcast()
            }
        }
    }
}
