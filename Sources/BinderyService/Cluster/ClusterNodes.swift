import BinderyProtocol
import Foundation
import PostgresNIO

/// The nodes of a cluster as their heartbeats show them (`bindery_nodes`): each node writes its row every few
/// seconds (role, jobs running, whether it leads the watching); `status` lists them.
package struct ClusterNodes: Sendable {
    let database: ClusterDatabase
    /// A node unheard of for longer than this is shown dead; after an hour its row goes.
    let aliveSeconds: Double

    /// Writes this node's heartbeat.
    func beat(_ name: String, role: ClusterRole, running: Int, isLeader: Bool) throws(ServiceError) {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(getpid())
        try database.transaction { connection in
            try await connection.run("""
                INSERT INTO bindery_nodes (name, role, host, pid, started_at, heartbeat_at, is_leader, running)
                VALUES (\(name), \(role.rawValue), \(host), \(pid), now(), now(), \(isLeader), \(running))
                ON CONFLICT (name) DO UPDATE SET heartbeat_at = now(), is_leader = EXCLUDED.is_leader, running = EXCLUDED.running
                """)
            try await connection.run("DELETE FROM bindery_nodes WHERE heartbeat_at < now() - interval '1 hour'")
        }
    }

    /// Every node heard of in the last hour, this one as `node`.
    func status(of node: String) throws(ServiceError) -> ClusterStatus {
        let alive = aliveSeconds
        let nodes = try database.call { client in
            var nodes: [ClusterNode] = []
            for try await (name, role, host, pid, heartbeat, isAlive, leader, running) in try await client.query("""
                SELECT name, role, host, pid, extract(epoch FROM heartbeat_at)::float8, heartbeat_at > now() - make_interval(secs => \(alive)),
                is_leader, running FROM bindery_nodes ORDER BY name
                """).decode((String, String, String, Int, Double, Bool, Bool, Int).self) {
                nodes.append(ClusterNode(
                    name: name, role: role, host: host, pid: pid, heartbeat: UTCTimestamp.string(heartbeat), alive: isAlive, leader: leader && isAlive,
                    running: running))
            }
            return nodes
        }
        return ClusterStatus(node: node, leader: nodes.first(where: \.leader)?.name, nodes: nodes)
    }
}

/// What a node of a cluster does.
public enum ClusterRole: String, Sendable {
    /// `bindery serve --queue`: converts, and watches the corpus while it holds the leadership.
    case serve
    /// `bindery work --queue`: only converts.
    case work
}
