import Foundation

/// The work queue behind the daemon, in three roles: producers `submit` and `cancel`, workers `claim`
/// a job and end it with `complete` or `fail`, observers `list`. `DispatchJobQueue` is the embedded
/// implementation (its own workers claim); a queue shared by many daemons (a PostgreSQL table, DESIGN §9)
/// would be a second conformance whose `claim` is a `SELECT … FOR UPDATE SKIP LOCKED`.
package protocol JobQueue: Sendable {
    /// Queues a conversion of `path`; a job already queued for it is replaced (keeping the higher
    /// priority) and a running one is told it is superseded.
    func submit(_ path: String, trigger: JobTrigger)
    /// Queues the deletion of `path`, found gone (`JobKind.delete`): it replaces the job queued for it and
    /// cancels the running one, and runs after that one ends. A conversion submitted while it is queued keeps it a deletion job.
    func submitDeletion(_ path: String, trigger: JobTrigger)
    /// Drops the queued job for `path` and cancels the running one; false if there was neither.
    @discardableResult func cancel(_ path: String) -> Bool
    /// Takes the next runnable job (the highest priority, then the oldest; none for a source already
    /// running) and marks it running; nil when there is none or the queue is paused or draining.
    func claim() -> ClaimedJob?
    /// Ends a claimed job, whatever its recorded outcome.
    func complete(_ job: ClaimedJob)
    /// Ends a claimed job with a transient failure: it runs again after `retryAfter` seconds unless it
    /// was cancelled, superseded by a newer submission, or the queue is draining.
    func fail(_ job: ClaimedJob, retryAfter: Double)
    /// What is queued and running now.
    func list() -> JobQueueListing
    /// Stops starting jobs (running ones finish; new submissions wait) until `resume()`.
    func pause()
    func resume()
    /// Stops taking work, drops what is queued and waits up to `timeout` seconds for running jobs.
    /// True when all finished in time.
    func drain(timeout: Double) -> Bool
    /// Waits until nothing runnable is queued (a paused queue's jobs do not count), running or waiting
    /// to be retried; true if that happened in time.
    func waitUntilIdle(timeout: Double) -> Bool
}

extension JobQueue {
    package var counts: JobQueueCounts { list().counts }
    /// The sources being converted now, with the time each job started.
    package var running: [String: Date] { list().running }
}

/// A job a worker claimed: its ticket and the flags it checks while it runs.
package struct ClaimedJob: Sendable {
    package let ticket: JobTicket
    package let token: JobToken
}

/// A snapshot of the queue.
package struct JobQueueListing: Sendable, Equatable {
    package var counts: JobQueueCounts
    /// The sources being converted now, with the time each job started.
    package var running: [String: Date]
}

/// How many jobs are queued, running and waiting to be retried, and whether the queue is paused.
package struct JobQueueCounts: Sendable, Equatable {
    package var queued: Int
    package var running: Int
    package var retrying: Int
    package var paused: Bool
}
