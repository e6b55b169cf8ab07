import Foundation
import GRDB
import Logging

/// The daemon's memory: one SQLite file (WAL) in the state directory holding documents, jobs and
/// outputs. A file that cannot be opened or fails its integrity check is moved aside and rebuilt.
package final class StateStore: StateRecords {
    package static let fileName = "bindery.sqlite"
    private let pool: any DatabaseWriter
    package let url: URL

    /// Opens (creating or rebuilding as needed) the store in `directory`.
    package init(directory: URL, logger: Logger) throws(ServiceError) {
        url = directory.appendingPathComponent(Self.fileName)
        do {
            pool = try Self.open(url)
        } catch {
            let aside = url.path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            logger.warning("state.rebuild", metadata: ["file": "\(url.path)", "movedTo": "\(aside)", "error": "\(error)"])
            // The WAL and shared-memory files go aside with it: the old database needs them to be read later.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.moveItem(atPath: url.path + suffix, toPath: aside + suffix) }
            do {
                pool = try Self.open(url)
            } catch {
                throw ServiceError(.stateStore, "\(url.path): cannot create the state database: \(error)")
            }
        }
    }

    /// Moves everything in the write-ahead log into the database file and empties the log: after a
    /// clean stop the state is one self-contained file.
    package func checkpoint() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Opens an existing store read-only (for tools and tests; no migration, no rebuild).
    package init(readingAt directory: URL) throws(ServiceError) {
        url = directory.appendingPathComponent(Self.fileName)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw ServiceError(.stateStore, "\(url.path): \(error)")
        }
    }

    private static func open(_ url: URL) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // WAL + NORMAL: never corrupt; a crash may lose the last commits, which only means re-converting.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try DatabasePool(path: url.path, configuration: configuration)
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        guard check == "ok" else { throw ServiceError(.stateStore, "integrity check: \(check ?? "no answer")") }
        try migrator.migrate(pool)
        return pool
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "documents") { t in
                t.primaryKey("path", .text)
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("jobKey", .text)
                t.column("state", .text).notNull()
                t.column("error", .text)
                t.column("updatedAt", .double).notNull()
            }
            try db.create(table: "jobs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().indexed()
                t.column("trigger", .text).notNull()
                t.column("jobKey", .text)
                t.column("queuedAt", .double).notNull()
                t.column("startedAt", .double).notNull()
                t.column("finishedAt", .double).notNull()
                t.column("attempts", .integer).notNull()
                t.column("outcome", .text).notNull()
                t.column("error", .text)
            }
            try db.create(table: "outputs") { t in
                t.primaryKey("path", .text)
                t.column("documentPath", .text).notNull().indexed()
                t.column("format", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("jobKey", .text).notNull()
                t.column("publishedAt", .double).notNull()
            }
        }
        migrator.registerMigration("v2: job warnings") { db in
            try db.alter(table: "jobs") { t in t.add(column: "warnings", .text) }
        }
        migrator.registerMigration("v3: source stamps") { db in
            try db.alter(table: "documents") { t in t.add(column: "sourceStamp", .text) }
        }
        migrator.registerMigration("v4: book metadata") { db in
            try db.alter(table: "documents") { t in t.add(column: "metadata", .text) }
        }
        return migrator
    }

    private func read<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do { return try pool.read(body) } catch { throw ServiceError(.stateStore, "\(url.path): \(error)") }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do { return try pool.write(body) } catch { throw ServiceError(.stateStore, "\(url.path): \(error)") }
    }

    package func document(_ path: String) throws(ServiceError) -> DocumentRecord? {
        try read { db in try Self.document(path, in: db) }
    }

    /// The document and its outputs in one read: what every job asks first, thousands of times on a restart.
    package func documentAndOutputs(_ path: String) throws(ServiceError) -> (document: DocumentRecord?, outputs: [OutputRecord]) {
        try read { db in (try Self.document(path, in: db), try Self.outputs(of: path, in: db)) }
    }

    // Cached statements: building the query anew for each call cost more than running it.
    private static func document(_ path: String, in db: Database) throws -> DocumentRecord? {
        try DocumentRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM documents WHERE path = ?"), arguments: [path])
    }

    private static func outputs(of documentPath: String, in db: Database) throws -> [OutputRecord] {
        try OutputRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM outputs WHERE documentPath = ? ORDER BY path"), arguments: [documentPath])
    }

    package func documents() throws(ServiceError) -> [DocumentRecord] {
        try read { db in try DocumentRecord.order(Column("path")).fetchAll(db) }
    }

    package func outputs(of documentPath: String) throws(ServiceError) -> [OutputRecord] {
        try read { db in try Self.outputs(of: documentPath, in: db) }
    }

    /// Jobs, newest first.
    package func jobs(limit: Int) throws(ServiceError) -> [JobRecord] {
        try read { db in try JobRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    /// One job by its id, if recorded.
    package func job(id: Int64) throws(ServiceError) -> JobRecord? {
        try read { db in try JobRecord.fetchOne(db, key: id) }
    }

    /// Every recorded job counted by outcome, and the published ones' durations in `buckets` (`JobStatistics`).
    package func jobStatistics(buckets: [Double]) throws(ServiceError) -> JobStatistics {
        try read { db in try JobStatistics.count(in: db, buckets: buckets) }
    }

    /// The bytes of the outputs of the published documents.
    package func publishedOutputBytes() throws(ServiceError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(outputs.size), 0) FROM outputs JOIN documents ON documents.path = outputs.documentPath
                WHERE documents.state = ?
                """, arguments: [DocumentRecord.State.published.rawValue]) ?? 0
        }
    }

    /// Every document with its outputs and its newest job, in three reads of one snapshot (the HTTP index and catalog).
    package func library() throws(ServiceError) -> [(document: DocumentRecord, outputs: [OutputRecord], lastJob: JobRecord?)] {
        try read { db in
            let documents = try DocumentRecord.order(Column("path")).fetchAll(db)
            let outputs = Dictionary(grouping: try OutputRecord.order(Column("path")).fetchAll(db), by: \.documentPath)
            let jobs = try JobRecord.fetchAll(db, sql: "SELECT * FROM jobs WHERE id IN (SELECT MAX(id) FROM jobs GROUP BY path)")
            let lastJobs = Dictionary(jobs.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
            return documents.map { ($0, outputs[$0.path] ?? [], lastJobs[$0.path]) }
        }
    }

    package func jobCount() throws(ServiceError) -> Int {
        try read { db in try JobRecord.fetchCount(db) }
    }

    package func save(_ document: DocumentRecord) throws(ServiceError) {
        try write { db in try document.save(db) }
    }

    /// Records a published job: the document, its outputs and the job, in one transaction.
    package func recordPublished(_ document: DocumentRecord, outputs: [OutputRecord], job: JobRecord) throws(ServiceError) {
        var job = job
        try write { db in
            try document.save(db)
            try OutputRecord.filter(Column("documentPath") == document.path).deleteAll(db)
            for output in outputs { try output.save(db) }
            try job.insert(db)
        }
    }

    /// Records a job that published nothing; a failure also marks the document failed.
    package func recordUnpublished(_ job: JobRecord, document: DocumentRecord?) throws(ServiceError) {
        var job = job
        try write { db in
            if let document { try document.save(db) }
            try job.insert(db)
        }
    }

    /// Marks a source deleted; with `pruned` its outputs are forgotten too.
    package func recordDeleted(_ path: String, pruned: Bool) throws(ServiceError) {
        try write { db in
            if pruned {
                try OutputRecord.filter(Column("documentPath") == path).deleteAll(db)
                try DocumentRecord.deleteOne(db, key: path)
            } else if var document = try DocumentRecord.fetchOne(db, key: path) {
                document.state = .deleted
                document.updatedAt = Date().timeIntervalSince1970
                try document.save(db)
            }
        }
    }
}
