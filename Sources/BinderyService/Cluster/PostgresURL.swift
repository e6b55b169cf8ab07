import Foundation
import PostgresNIO

/// A libpq connection URI (`postgresql://user[:password]@host[:port]/database`, `?host=/socket/dir` for a Unix
/// socket, `?sslmode=disable|prefer|require`), read into postgres-nio's client configuration.
package struct PostgresURL: Sendable, Equatable {
    package var user: String
    package var password: String?
    /// A host name, or the directory of a Unix socket (`/run/postgresql`).
    package var host: String
    package var port: Int
    package var database: String
    package var sslMode: String

    package init(_ text: String) throws(ServiceError) {
        func bad(_ why: String) -> ServiceError {
            ServiceError(.configurationBadValue, "queue.url \(Self.redacted(text)): \(why)")
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw bad("not a postgresql:// URI")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password?.removingPercentEncoding ?? query["password"]
        host = query["host"] ?? parts.host.flatMap { $0.removingPercentEncoding } ?? "/var/run/postgresql"
        if host.isEmpty { host = "/var/run/postgresql" }
        port = parts.port ?? Int(query["port"] ?? "") ?? 5432
        let name = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = name.isEmpty ? user : (name.removingPercentEncoding ?? name)
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require"].contains(sslMode) else { throw bad("sslmode \(sslMode) is not disable, prefer or require") }
        guard (1...65_535).contains(port) else { throw bad("port \(port) is out of range") }
        let known: Set = ["host", "port", "user", "password", "sslmode", "dbname"]
        if let unknown = query.keys.first(where: { !known.contains($0) }) { throw bad("unknown parameter \(unknown)") }
        if let name = query["dbname"] { database = name }
    }

    /// The URI with its password hidden, for logs and errors.
    package static func redacted(_ text: String) -> String {
        guard var parts = URLComponents(string: text), parts.password != nil else { return text }
        parts.password = "***"
        return parts.string ?? text
    }

    /// Where the server listens: its Unix socket (`host` is a directory) or a TCP host and port.
    package var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The server's socket file in the directory `host` names (libpq's naming).
    private var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// Where the database is, for messages: `/run/postgresql:5432/bindery`, `db.example:5432/bindery`.
    package var place: String { "\(host):\(port)/\(database)" }

    /// postgres-nio's settings for one connection (`ClusterDatabase.check`: its errors are the server's own).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if isUnixSocket {
            configuration = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS = switch sslMode {
            case "disable": .disable
            case "require": .require(try .init(configuration: .makeClientConfiguration()))
            default: .prefer(try .init(configuration: .makeClientConfiguration()))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// postgres-nio's settings for a pool of at most `connections`.
    func clientConfiguration(connections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if isUnixSocket {
            configuration = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = connections
        // A lock waited on, or a transaction left open by a node cut off mid-publish, ends instead of stalling the rest.
        configuration.options.additionalStartupParameters = [("lock_timeout", "10s"), ("idle_in_transaction_session_timeout", "5min")]
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(10))
        return configuration
    }
}
