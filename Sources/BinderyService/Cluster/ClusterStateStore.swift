import Foundation
import PostgresNIO

/// The state records of a cluster (`StateRecords`), in PostgreSQL: the documents, outputs and job history every
/// node reads and writes (`ClusterSchema`).
package struct ClusterStateStore: StateRecords {
    let database: ClusterDatabase
    /// The node recording the jobs it ran.
    let node: String

    package init(database: ClusterDatabase, node: String) {
        self.database = database
        self.node = node
    }

    private static let documentColumns = "path, size, sha256, job_key, state, error, updated_at, source_stamp, metadata"
    private static let outputColumns = "path, document_path, format, size, sha256, job_key, published_at"
    private static let jobColumns = "id, path, trigger, job_key, queued_at, started_at, finished_at, attempts, outcome, error, warnings"

    private static func documents(_ rows: PostgresRowSequence) async throws -> [DocumentRecord] {
        var documents: [DocumentRecord] = []
        for try await row in rows.decode((String, Int, String, String?, String, String?, Double, String?, String?).self) {
            documents.append(DocumentRecord(
                path: row.0, size: row.1, sha256: row.2, jobKey: row.3, state: DocumentRecord.State(rawValue: row.4) ?? .failed, error: row.5,
                updatedAt: row.6, sourceStamp: row.7, metadata: row.8))
        }
        return documents
    }

    private static func outputs(_ rows: PostgresRowSequence) async throws -> [OutputRecord] {
        var outputs: [OutputRecord] = []
        for try await row in rows.decode((String, String, String, Int, String, String, Double).self) {
            outputs.append(OutputRecord(path: row.0, documentPath: row.1, format: row.2, size: row.3, sha256: row.4, jobKey: row.5, publishedAt: row.6))
        }
        return outputs
    }

    private static func jobs(_ rows: PostgresRowSequence) async throws -> [JobRecord] {
        var jobs: [JobRecord] = []
        for try await row in rows.decode((Int64, String, String, String?, Double, Double, Double, Int, String, String?, String?).self) {
            jobs.append(JobRecord(
                id: row.0, path: row.1, trigger: row.2, jobKey: row.3, queuedAt: row.4, startedAt: row.5, finishedAt: row.6, attempts: row.7,
                outcome: JobRecord.Outcome(rawValue: row.8) ?? .failed, error: row.9, warnings: row.10))
        }
        return jobs
    }

    package func document(_ path: String) throws(ServiceError) -> DocumentRecord? {
        try database.call { client in
            try await Self.documents(client.query("SELECT \(unescaped: Self.documentColumns) FROM bindery_documents WHERE path = \(path)")).first
        }
    }

    package func documentAndOutputs(_ path: String) throws(ServiceError) -> (document: DocumentRecord?, outputs: [OutputRecord]) {
        let (document, outputs) = try database.transaction { connection in
            let document = try await Self.documents(connection.query(
                "SELECT \(unescaped: Self.documentColumns) FROM bindery_documents WHERE path = \(path)", logger: connection.logger)).first
            let outputs = try await Self.outputs(connection.query(
                "SELECT \(unescaped: Self.outputColumns) FROM bindery_outputs WHERE document_path = \(path) ORDER BY path", logger: connection.logger))
            return (document, outputs)
        }
        return (document, outputs)
    }

    package func documents() throws(ServiceError) -> [DocumentRecord] {
        try database.call { client in try await Self.documents(client.query("SELECT \(unescaped: Self.documentColumns) FROM bindery_documents ORDER BY path")) }
    }

    package func outputs(of documentPath: String) throws(ServiceError) -> [OutputRecord] {
        try database.call { client in
            try await Self.outputs(client.query("SELECT \(unescaped: Self.outputColumns) FROM bindery_outputs WHERE document_path = \(documentPath) ORDER BY path"))
        }
    }

    package func jobs(limit: Int) throws(ServiceError) -> [JobRecord] {
        try database.call { client in
            try await Self.jobs(client.query("SELECT \(unescaped: Self.jobColumns) FROM bindery_job_history ORDER BY id DESC LIMIT \(limit)"))
        }
    }

    package func job(id: Int64) throws(ServiceError) -> JobRecord? {
        try database.call { client in try await Self.jobs(client.query("SELECT \(unescaped: Self.jobColumns) FROM bindery_job_history WHERE id = \(id)")).first }
    }

    package func jobStatistics(buckets: [Double]) throws(ServiceError) -> JobStatistics {
        try database.call { client in
            var outcomes: [String: Int] = [:]
            for try await (outcome, count) in try await client.query("SELECT outcome, COUNT(*)::bigint FROM bindery_job_history GROUP BY outcome").decode((String, Int).self) {
                outcomes[outcome] = count
            }
            var durations: [Double] = []
            for try await duration in try await client.query(
                "SELECT GREATEST(0, finished_at - started_at) FROM bindery_job_history WHERE outcome = \(JobRecord.Outcome.published.rawValue)"
            ).decode(Double.self) {
                durations.append(duration)
            }
            return JobStatistics(
                outcomes: outcomes, durationBuckets: buckets.map { bound in durations.count { $0 <= bound } }, durationCount: durations.count,
                durationSum: durations.reduce(0, +))
        }
    }

    package func publishedOutputBytes() throws(ServiceError) -> Int {
        try database.call { client in
            var total = 0
            for try await bytes in try await client.query("""
                SELECT COALESCE(SUM(o.size), 0)::bigint FROM bindery_outputs o JOIN bindery_documents d ON d.path = o.document_path
                WHERE d.state = \(DocumentRecord.State.published.rawValue)
                """).decode(Int.self) { total = bytes }
            return total
        }
    }

    package func library() throws(ServiceError) -> [(document: DocumentRecord, outputs: [OutputRecord], lastJob: JobRecord?)] {
        let (documents, outputs, jobs) = try database.transaction { connection in
            try await connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            let documents = try await Self.documents(connection.query(
                "SELECT \(unescaped: Self.documentColumns) FROM bindery_documents ORDER BY path", logger: connection.logger))
            let outputs = try await Self.outputs(connection.query(
                "SELECT \(unescaped: Self.outputColumns) FROM bindery_outputs ORDER BY path", logger: connection.logger))
            let jobs = try await Self.jobs(connection.query("""
                SELECT \(unescaped: Self.jobColumns) FROM bindery_job_history WHERE id IN (SELECT MAX(id) FROM bindery_job_history GROUP BY path)
                """, logger: connection.logger))
            return (documents, outputs, jobs)
        }
        let byDocument = Dictionary(grouping: outputs, by: \.documentPath)
        let lastJobs = Dictionary(jobs.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        return documents.map { ($0, byDocument[$0.path] ?? [], lastJobs[$0.path]) }
    }

    package func save(_ document: DocumentRecord) throws(ServiceError) {
        try database.transaction { connection in try await Self.save(document, on: connection) }
    }

    package func recordPublished(_ document: DocumentRecord, outputs: [OutputRecord], job: JobRecord) throws(ServiceError) {
        let node = self.node
        try database.transaction { connection in
            try await Self.save(document, on: connection)
            try await connection.run("DELETE FROM bindery_outputs WHERE document_path = \(document.path)")
            for output in outputs {
                try await connection.run("""
                    INSERT INTO bindery_outputs (\(unescaped: Self.outputColumns)) VALUES (\(output.path), \(output.documentPath), \(output.format),
                    \(output.size), \(output.sha256), \(output.jobKey), \(output.publishedAt))
                    ON CONFLICT (path) DO UPDATE SET document_path = EXCLUDED.document_path, format = EXCLUDED.format, size = EXCLUDED.size,
                    sha256 = EXCLUDED.sha256, job_key = EXCLUDED.job_key, published_at = EXCLUDED.published_at
                    """)
            }
            try await Self.insert(job, node: node, on: connection)
        }
    }

    package func recordUnpublished(_ job: JobRecord, document: DocumentRecord?) throws(ServiceError) {
        let node = self.node
        try database.transaction { connection in
            if let document { try await Self.save(document, on: connection) }
            try await Self.insert(job, node: node, on: connection)
        }
    }

    package func recordDeleted(_ path: String, pruned: Bool) throws(ServiceError) {
        try database.transaction { connection in
            if pruned {
                try await connection.run("DELETE FROM bindery_outputs WHERE document_path = \(path)")
                try await connection.run("DELETE FROM bindery_documents WHERE path = \(path)")
            } else {
                try await connection.run("""
                    UPDATE bindery_documents SET state = \(DocumentRecord.State.deleted.rawValue), updated_at = \(Date().timeIntervalSince1970)
                    WHERE path = \(path)
                    """)
            }
        }
    }

    /// PostgreSQL keeps its own log: nothing to fold in.
    package func checkpoint() {}

    private static func save(_ document: DocumentRecord, on connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO bindery_documents (\(unescaped: documentColumns)) VALUES (\(document.path), \(document.size), \(document.sha256),
            \(document.jobKey), \(document.state.rawValue), \(document.error), \(document.updatedAt), \(document.sourceStamp), \(document.metadata))
            ON CONFLICT (path) DO UPDATE SET size = EXCLUDED.size, sha256 = EXCLUDED.sha256, job_key = EXCLUDED.job_key, state = EXCLUDED.state,
            error = EXCLUDED.error, updated_at = EXCLUDED.updated_at, source_stamp = EXCLUDED.source_stamp, metadata = EXCLUDED.metadata
            """)
    }

    private static func insert(_ job: JobRecord, node: String, on connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO bindery_job_history (path, trigger, job_key, queued_at, started_at, finished_at, attempts, outcome, error, warnings, node)
            VALUES (\(job.path), \(job.trigger), \(job.jobKey), \(job.queuedAt), \(job.startedAt), \(job.finishedAt), \(job.attempts),
            \(job.outcome.rawValue), \(job.error), \(job.warnings), \(node))
            """)
    }
}
