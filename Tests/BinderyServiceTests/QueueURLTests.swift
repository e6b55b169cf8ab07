import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

/// `queue.url` and the cluster's commands given bad input: a clear error, the right exit status, no daemon started.
@Suite struct QueueURLTests {
    @Test func aTCPAndASocketURIAreRead() throws {
        let tcp = try PostgresURL("postgresql://bindery:s%40cret@db.example:6432/books?sslmode=require")
        #expect(tcp.user == "bindery")
        #expect(tcp.password == "s@cret")
        #expect(tcp.host == "db.example")
        #expect(tcp.port == 6432)
        #expect(tcp.database == "books")
        #expect(tcp.sslMode == "require")
        #expect(!tcp.isUnixSocket)
        #expect(!PostgresURL.redacted("postgresql://bindery:secret@db/books").contains("secret"))
        let socket = try PostgresURL("postgresql://postgres@/bindery?host=/run/postgresql&port=5433")
        #expect(socket.isUnixSocket)
        #expect(socket.place == "/run/postgresql:5433/bindery")
    }

    @Test(arguments: [
        ("mysql://db/books", "not a postgresql:// URI"),
        ("postgresql://db/books?sslmode=verify-everything", "sslmode verify-everything"),
        ("postgresql://db/books?application=x", "unknown parameter application"),
        ("postgresql://db:70000/books", "out of range"),
    ])
    func aBadURIIsAConfigurationError(uri: String, message: String) {
        #expect {
            try PostgresURL(uri)
        } throws: { error in
            guard let error = error as? ServiceError else { return false }
            return error.code == .configurationBadValue && error.message.contains(message)
        }
    }

    @Test func theCommandsSayWhatIsMissingOrUnreachable() throws {
        let binary = try BinderyBinary.locate()
        let directory = try TemporaryDirectory("bindery-queue-url")
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.path("corpus"), withIntermediateDirectories: true)
        let paths = ["--corpus", directory.path("corpus").path, "--out", directory.path("out").path, "--state", directory.path("state").path]
        let work = try Validators.run(binary, ["work"] + paths)
        #expect(work.status == 2)
        #expect(work.output.contains("give --queue URL or queue.url"))
        let badURL = try Validators.run(binary, ["serve", "--queue", "mysql://db/books"] + paths)
        #expect(badURL.status == 2)
        #expect(badURL.output.contains("not a postgresql:// URI"))
        // Nothing listens on port 1: the error names the database, and no state was created for a daemon.
        let unreachable = try Validators.run(binary, ["migrate", "--queue", "postgresql://bindery@127.0.0.1:1/books?sslmode=disable"])
        #expect(unreachable.status == 1)
        #expect(unreachable.output.contains("PostgreSQL at 127.0.0.1:1/books"))
        let serve = try Validators.run(binary, ["serve", "--queue", "postgresql://bindery@127.0.0.1:1/books?sslmode=disable"] + paths)
        #expect(serve.status == 1, "\(serve.output)")
        #expect(serve.output.contains("PostgreSQL at 127.0.0.1:1/books"))
    }
}
