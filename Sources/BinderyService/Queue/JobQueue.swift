import Foundation

/// The work queue behind the daemon. One backend today (`DispatchJobQueue`); a shared database
/// backend (DESIGN §9) would be another conformance.
package protocol JobQueue: Sendable {
    /// Queues a conversion of `path`; a job already queued for it is replaced (keeping the higher
    /// priority) and a running one is told it is superseded.
    func submit(_ path: String, trigger: JobTrigger)
    /// Drops the queued job for `path` and cancels the running one; false if there was neither.
    @discardableResult func cancel(_ path: String) -> Bool
    /// Stops starting jobs (running ones finish; new submissions wait) until `resume()`.
    func pause()
    func resume()
    /// Stops taking work, drops what is queued and waits up to `timeout` seconds for running jobs.
    /// True when all finished in time.
    func drain(timeout: Double) -> Bool
    /// Waits until nothing runnable is queued (a paused queue's jobs do not count), running or waiting
    /// to be retried; true if that happened in time.
    func waitUntilIdle(timeout: Double) -> Bool
    var counts: JobQueueCounts { get }
    /// The sources being converted now, with the time each job started.
    var running: [String: Date] { get }
}

/// A snapshot of the queue.
package struct JobQueueCounts: Sendable, Equatable {
    package var queued: Int
    package var running: Int
    package var retrying: Int
    package var paused: Bool
}
