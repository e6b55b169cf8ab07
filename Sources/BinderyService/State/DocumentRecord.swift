import GRDB

/// A source document as last seen: its size, hash, state and the key of its last finished job.
package struct DocumentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "documents"

    /// Where a document stands.
    package enum State: String, Codable, Sendable {
        case published, failed, deleted
    }

    /// Path relative to the corpus, `/`-separated.
    package var path: String
    package var size: Int
    package var sha256: String
    /// The key of the job that last published it or failed on it for good (not for transient errors);
    /// a job with this key is not run again. Nil when there is none.
    package var jobKey: String?
    package var state: State
    package var error: String?
    package var updatedAt: Double
    /// The `lstat` stamps of the source and its sidecar when `jobKey` was made from them (`SourceStamp`);
    /// nil when they could not be trusted (changed too recently) or the job never read the source.
    package var sourceStamp: String? = nil
    /// The published book's `BookMetadata` as JSON; nil for a document never published since it was recorded.
    package var metadata: String? = nil

    /// `metadata`, decoded.
    package var book: BookMetadata? { BookMetadata(json: metadata) }
}
