import BinderyConversion
import Foundation
import Logging
import Synchronization
import Testing
@testable import BinderyService

/// The cluster's queue (`ClusterJobQueue`) against a real PostgreSQL: claims, leases, fencing tokens,
/// coalescing, supersession, cancelling and retries as two nodes see them.
@Suite(.serialized) struct ClusterQueueTests {
    /// Runs blocking database calls on a Dispatch thread: `ClusterDatabase` must not block Swift concurrency's own.
    private func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Two nodes' queues on one fresh database (their workers not started: the test claims by hand).
    private func withTwoNodes(
        lease: Double = 30, _ body: @escaping @Sendable (ClusterJobQueue, ClusterJobQueue, PostgresServer) async throws -> Void
    ) async throws {
        guard let server = try PostgresServer.startIfInstalled() else { return }
        defer { server.stop() }
        try server.createDatabase("queue")
        let url = try PostgresURL(server.url("queue"))
        let logger = Logger(label: "test")
        let (first, second) = try await offPool { () throws -> (ClusterJobQueue, ClusterJobQueue) in
            let databases = (ClusterDatabase(url: url, connections: 4, logger: logger), ClusterDatabase(url: url, connections: 4, logger: logger))
            #expect(try databases.0.migrate() == [1])
            #expect(try databases.1.migrate() == [], "a second node finds the schema current")
            let settings = ClusterJobQueue.Settings(parallelism: 2, leaseSeconds: lease)
            return (ClusterJobQueue(database: databases.0, node: "a", settings: settings, logger: logger) { _, _ in .done },
                    ClusterJobQueue(database: databases.1, node: "b", settings: settings, logger: logger) { _, _ in .done })
        }
        defer {
            first.database.close()
            second.database.close()
        }
        try await body(first, second, server)
    }

    @Test func twoNodesClaimDifferentJobsAndOneSourceRunsOnce() async throws {
        try await withTwoNodes { a, b, _ in
            try await offPool {
                a.submit("x.txt", trigger: .startup)
                b.submit("y.txt", trigger: .startup)
                b.submit("x.txt", trigger: .request)
            }
            let listed = try await offPool { a.list().counts }
            #expect(listed.queued == 2, "x.txt queued twice is one job")
            let (first, second, third) = try await offPool { (a.claim(), b.claim(), a.claim()) }
            #expect(first?.ticket.path == "x.txt", "the request's priority went to the job queued earlier")
            #expect(first?.ticket.trigger == .request)
            #expect(second?.ticket.path == "y.txt")
            #expect(third == nil)
            // A change while x.txt runs queues it again; it waits for the running job, whose token learns it was superseded.
            try await offPool { b.submit("x.txt", trigger: .event) }
            #expect(try await offPool { b.claim() } == nil, "one job of a source runs at a time")
            try await offPool { a.tick() }
            #expect(first?.token.isSuperseded == true)
            try await offPool {
                a.complete(first!)
                b.complete(second!)
            }
            let again = try await offPool { b.claim() }
            #expect(again?.ticket.path == "x.txt")
            #expect(again?.ticket.trigger == .event)
        }
    }

    @Test func aLostLeaseIsClaimedAgainAndTheFirstClaimNeverPublishes() async throws {
        try await withTwoNodes(lease: 1) { a, b, server in
            try await offPool { a.submit("book.txt", trigger: .event) }
            let stale = try #require(try await offPool { a.claim() })
            // Node a stops renewing (as if killed); node b's tick puts the job back once the lease ran out.
            try await Task.sleep(for: .milliseconds(1_300))
            try await offPool { b.tick() }
            // The stale claim ending (its worker woke up) leaves the job queued again for the others.
            try await offPool { a.complete(stale) }
            #expect(try server.query("queue", "SELECT state, attempt FROM bindery_queue") == ["queued|2"])
            let taken = try #require(try await offPool { b.claim() })
            #expect(taken.ticket.path == "book.txt")
            #expect(taken.ticket.attempt == 2)
            let published = Mutex<[String]>([])
            let staleResult = try await offPool { try stale.token.publishing { () throws(PublishError) in published.withLock { $0.append("stale") }; return true } }
            #expect(staleResult == nil, "the first claim's fencing token is no longer the job's")
            #expect(stale.token.isCancelled)
            let takenResult = try await offPool { try taken.token.publishing { () throws(PublishError) in published.withLock { $0.append("taken") }; return true } }
            #expect(takenResult != nil)
            #expect(published.withLock { $0 } == ["taken"])
            #expect(try server.query("queue", "SELECT owner, state FROM bindery_queue") == ["b|running"])
            try await offPool { b.complete(taken) }
            #expect(try server.query("queue", "SELECT count(*) FROM bindery_queue") == ["0"])
        }
    }

    @Test func cancelRetryAndDeletionKeepTheirMeaning() async throws {
        try await withTwoNodes { a, b, server in
            try await offPool {
                a.submit("queued.txt", trigger: .startup)
                a.submit("running.txt", trigger: .request)
            }
            let running = try #require(try await offPool { b.claim() })
            #expect(running.ticket.path == "running.txt")
            #expect(try await offPool { a.cancel("queued.txt") })
            #expect(try await offPool { a.cancel("running.txt") })
            try await offPool { b.tick() }
            #expect(running.token.isCancelled, "a cancel on one node reaches the job on another")
            try await offPool { b.fail(running, retryAfter: 0) }
            #expect(try server.query("queue", "SELECT count(*) FROM bindery_queue") == ["0"], "a cancelled job is not retried")
            // A transient failure runs again later, as its next attempt.
            try await offPool { a.submit("flaky.txt", trigger: .event) }
            let flaky = try #require(try await offPool { a.claim() })
            try await offPool { a.fail(flaky, retryAfter: 60) }
            #expect(try await offPool { b.list().counts.retrying } == 1)
            #expect(try await offPool { b.claim() } == nil, "not before its delay")
            // A deletion queued over a conversion stays a deletion.
            try await offPool {
                a.submitDeletion("gone.txt", trigger: .event)
                b.submit("gone.txt", trigger: .event)
            }
            #expect(try server.query("queue", "SELECT kind FROM bindery_queue WHERE path = 'gone.txt'") == ["delete"])
        }
    }
}
