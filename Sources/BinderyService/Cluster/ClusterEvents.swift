import BinderyProtocol
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The events of every node, on every node's control socket: each node sends its own with `NOTIFY` (in order, from one
/// task) and `ClusterEventsService` passes on those of the others, so `bindery events` and `submit --wait` see a job
/// that another node ran.
package final class ClusterEvents: Sendable {
    /// One notification: who sent it and what happened.
    struct Envelope: Codable {
        var node: String
        var event: ControlEvent
    }

    private let sender: AsyncStream<ControlEvent>.Continuation
    private let sending: Task<Void, Never>
    let node: String

    init(database: ClusterDatabase, node: String) {
        self.node = node
        let (events, sender) = AsyncStream.makeStream(of: ControlEvent.self, bufferingPolicy: .bufferingNewest(10_000))
        self.sender = sender
        let client = database.client
        sending = Task {
            for await event in events {
                var event = event
                // NOTIFY carries at most 8,000 bytes.
                event.error = event.error.map { String($0.prefix(2_000)) }
                guard let data = try? JSONEncoder().encode(Envelope(node: node, event: event)) else { continue }
                let payload = String(decoding: data, as: UTF8.self)
                _ = try? await answer(within: 5) { try await client.query("SELECT pg_notify(\(ClusterSchema.eventChannel), \(payload))") }
            }
        }
    }

    deinit {
        sender.finish()
        sending.cancel()
    }

    /// Sends one of this node's events to the others.
    func send(_ event: ControlEvent) { sender.yield(event) }

    /// Another node's event in `payload`; nil for this node's own (already delivered) or an unreadable one.
    func received(_ payload: String) -> ControlEvent? {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(payload.utf8)), envelope.node != node else { return nil }
        return envelope.event
    }
}

/// Listens for the other nodes' events (`LISTEN bindery_events` on a connection of its own, again after a lost
/// connection) and hands them to this node's control socket subscribers.
struct ClusterEventsService: Service {
    let runtime: DaemonRuntime
    let member: ClusterMember

    func run() async throws {
        let (runtime, member) = (self.runtime, self.member)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await member.database.client.withConnection { connection in
                        try await connection.listen(on: ClusterSchema.eventChannel) { notifications in
                            for try await notification in notifications {
                                if let event = member.events.received(notification.payload) { runtime.controlServer.broadcast(event) }
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { return }
                    runtime.logger.warning("cluster.events-lost", metadata: ["error": "\(ClusterDatabase.describe(error))"])
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
