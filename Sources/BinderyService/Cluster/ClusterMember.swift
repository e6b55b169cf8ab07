import BinderyProtocol
import Foundation
import Logging
import Synchronization

/// This node's part in a cluster (`queue.url`): the database, its name and role, whether it leads the watching,
/// and its heartbeat.
package final class ClusterMember: Sendable {
    let database: ClusterDatabase
    let name: String
    let role: ClusterRole
    let nodes: ClusterNodes
    /// Its events to the other nodes, and theirs to it.
    let events: ClusterEvents
    private let logger: Logger
    private let leading = Mutex(false)

    /// Connects and brings the schema up to date (`bindery migrate` does the same alone).
    init(url: String, role: ClusterRole, connections: Int, leaseSeconds: Double, logger: Logger) throws(ServiceError) {
        database = ClusterDatabase(url: try PostgresURL(url), connections: connections, logger: logger)
        name = "\(ProcessInfo.processInfo.hostName):\(getpid())"
        self.role = role
        self.logger = logger
        nodes = ClusterNodes(database: database, aliveSeconds: max(6, leaseSeconds))
        events = ClusterEvents(database: database, node: name)
        do {
            let applied = try database.migrate()
            if !applied.isEmpty { logger.info("cluster.migrated", metadata: ["versions": "\(applied)"]) }
        } catch {
            database.close()
            throw error
        }
    }

    var isLeader: Bool {
        get { leading.withLock { $0 } }
        set { leading.withLock { $0 = newValue } }
    }

    /// Writes the heartbeat; a failure (the database restarting) is logged and the next beat tries again.
    func beat(running: Int) {
        do {
            try nodes.beat(name, role: role, running: running, isLeader: isLeader)
        } catch {
            logger.warning("cluster.heartbeat-failed", metadata: ["error": "\(error.message)"])
        }
    }

    func status() throws(ServiceError) -> ClusterStatus { try nodes.status(of: name) }
}
