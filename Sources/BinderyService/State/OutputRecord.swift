import GRDB

/// One published output file.
package struct OutputRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "outputs"

    /// Path relative to the output directory.
    package var path: String
    package var documentPath: String
    package var format: String
    package var size: Int
    package var sha256: String
    package var jobKey: String
    package var publishedAt: Double
}
