import Foundation

/// What the daemon records of documents, jobs and outputs: `StateStore` (SQLite, one machine) or
/// `ClusterStateStore` (PostgreSQL, shared by every node of a cluster).
package protocol StateRecords: Sendable {
    func document(_ path: String) throws(ServiceError) -> DocumentRecord?
    /// The document and its outputs in one read: what every job asks first.
    func documentAndOutputs(_ path: String) throws(ServiceError) -> (document: DocumentRecord?, outputs: [OutputRecord])
    func documents() throws(ServiceError) -> [DocumentRecord]
    func outputs(of documentPath: String) throws(ServiceError) -> [OutputRecord]
    /// Jobs, newest first.
    func jobs(limit: Int) throws(ServiceError) -> [JobRecord]
    func job(id: Int64) throws(ServiceError) -> JobRecord?
    /// Every recorded job counted by outcome, and the published ones' durations in `buckets` (`JobStatistics`).
    func jobStatistics(buckets: [Double]) throws(ServiceError) -> JobStatistics
    /// The bytes of the outputs of the published documents.
    func publishedOutputBytes() throws(ServiceError) -> Int
    /// Every document with its outputs and its newest job, from one snapshot (the HTTP index and catalog).
    func library() throws(ServiceError) -> [(document: DocumentRecord, outputs: [OutputRecord], lastJob: JobRecord?)]
    func save(_ document: DocumentRecord) throws(ServiceError)
    /// Records a published job: the document, its outputs and the job, in one transaction.
    func recordPublished(_ document: DocumentRecord, outputs: [OutputRecord], job: JobRecord) throws(ServiceError)
    /// Records a job that published nothing; a failure also marks the document failed.
    func recordUnpublished(_ job: JobRecord, document: DocumentRecord?) throws(ServiceError)
    /// Marks a source deleted; with `pruned` its outputs are forgotten too.
    func recordDeleted(_ path: String, pruned: Bool) throws(ServiceError)
    /// Leaves the store self-contained after a clean stop (SQLite: empties its write-ahead log).
    func checkpoint()
}

extension StateRecords {
    package func jobs() throws(ServiceError) -> [JobRecord] { try jobs(limit: 1_000) }
}
