import Dispatch
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The cluster's PostgreSQL database (`queue.url`): a postgres-nio connection pool run for the process's life,
/// offered to the daemon's Dispatch threads as blocking calls, and the schema (`migrate`).
package final class ClusterDatabase: Sendable {
    package let url: PostgresURL
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    /// How long one call may wait (for a connection, while the server restarts, then for its answer).
    let timeoutSeconds: Double

    package init(url: PostgresURL, connections: Int, logger: Logger, timeoutSeconds: Double = 30) {
        self.url = url
        self.logger = logger
        self.timeoutSeconds = timeoutSeconds
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .notice)
        let client = PostgresClient(configuration: url.clientConfiguration(connections: connections), backgroundLogger: quiet)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Stops the pool (its connections close; calls after this fail).
    package func close() { runner.cancel() }

    /// Runs `body` on the pool and waits for it: for Dispatch threads, never for Swift concurrency's own.
    package func call<T: Sendable>(_ body: @escaping @Sendable (PostgresClient) async throws -> T) throws(ServiceError) -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let client = self.client
        let task = Task {
            let result: Result<T, any Error>
            do { result = .success(try await body(client)) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        if done.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            // Not waited for: a query on a connection the server dropped may never answer, even cancelled.
            task.cancel()
            throw ServiceError(.cluster, "PostgreSQL at \(url.place): no answer in \(Int(timeoutSeconds)) s")
        }
        switch outcome.withLock({ $0 })! {
        case .success(let value): return value
        case .failure(let error): throw ServiceError(.cluster, "PostgreSQL at \(url.place): \(Self.describe(error))")
        }
    }

    /// Runs `body` in one transaction and waits for it.
    package func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(ServiceError) -> T {
        let logger = self.logger
        return try call { client in try await client.withTransaction(logger: logger) { connection in try await body(connection) } }
    }

    /// Runs statements that return nothing.
    package func execute(_ query: PostgresQuery) throws(ServiceError) {
        try call { client in _ = try await client.query(query).collect() }
    }

    /// Migrates the schema of the database at `url` (`bindery migrate`), from a Dispatch thread; the versions applied.
    package static func migrate(_ url: String, logger: Logger) async throws(ServiceError) -> [Int] {
        try await blocking { () -> Result<[Int], ServiceError> in
            Result { () throws(ServiceError) in
                let database = ClusterDatabase(url: try PostgresURL(url), connections: 2, logger: logger)
                defer { database.close() }
                return try database.migrate()
            }
        }.get()
    }

    /// Opens and closes one connection outside the pool, whose own retries would hide why a connection fails (no
    /// such database, authentication refused, nothing listening).
    func check() throws(ServiceError) {
        let (url, logger) = (self.url, self.logger)
        try call { _ in
            let configuration = try url.connectionConfiguration()
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        }
    }

    /// The server's words, not postgres-nio's structure dump.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        if error is CancellationError { return "no answer in time" }
        return "\(error)"
    }

    /// Brings the schema to the current version (`ClusterSchema`), under an advisory lock so that nodes starting
    /// together migrate once; returns the versions applied.
    @discardableResult
    package func migrate() throws(ServiceError) -> [Int] {
        try check()
        return try transaction { connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(ClusterSchema.migrationLock))")
            try await connection.run("CREATE TABLE IF NOT EXISTS bindery_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            var current = 0
            for try await version in try await connection.query("SELECT COALESCE(MAX(version), 0) FROM bindery_schema", logger: connection.logger).decode(Int.self) {
                current = version
            }
            var applied: [Int] = []
            for (index, statements) in ClusterSchema.migrations.enumerated() where index + 1 > current {
                for statement in statements { try await connection.run(PostgresQuery(unsafeSQL: statement)) }
                try await connection.run("INSERT INTO bindery_schema (version) VALUES (\(index + 1))")
                applied.append(index + 1)
            }
            return applied
        }
    }
}

/// The first of `operation`'s result and `seconds` passing (then `CancellationError`): the operation runs in a task of
/// its own, cancelled and left behind when late, since a query on a connection the server dropped may never answer.
func answer<T: Sendable>(within seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let settlement = Settlement<T>()
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        settlement.wait(continuation)
        let work = Task {
            do { settlement.settle(.success(try await operation())) } catch { settlement.settle(.failure(error)) }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            if settlement.settle(.failure(CancellationError())) { work.cancel() }
        }
    }
}

/// A continuation resumed once, by whichever comes first.
private final class Settlement<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func wait(_ waiting: CheckedContinuation<T, any Error>) { continuation.withLock { $0 = waiting } }

    @discardableResult
    func settle(_ result: Result<T, any Error>) -> Bool {
        guard let waiting = continuation.withLock({ current in defer { current = nil }; return current }) else { return false }
        waiting.resume(with: result)
        return true
    }
}

extension PostgresConnection {
    /// Runs a statement whose rows, if any, are not wanted.
    func run(_ query: PostgresQuery) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}
