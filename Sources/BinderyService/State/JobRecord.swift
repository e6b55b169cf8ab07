import GRDB

/// One conversion attempt: why it ran, when, and how it ended.
package struct JobRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "jobs"

    /// How a job ended.
    package enum Outcome: String, Codable, Sendable {
        case published, failed, superseded, cancelled, timedOut = "timed-out"
    }

    package var id: Int64?
    package var path: String
    /// `request`, `event` or `startup`.
    package var trigger: String
    package var jobKey: String?
    package var queuedAt: Double
    package var startedAt: Double
    package var finishedAt: Double
    package var attempts: Int
    package var outcome: Outcome
    package var error: String?
    /// Problems of a published job the user should see (a sidecar not applied), one per line.
    package var warnings: String?

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
