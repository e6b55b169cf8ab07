/// What a job tells the queue when it returns.
package enum JobResult: Sendable, Equatable {
    /// Finished, whatever the outcome (recorded by the job itself).
    case done
    /// A transient failure: run the job again after this many seconds.
    case retry(after: Double)
}
