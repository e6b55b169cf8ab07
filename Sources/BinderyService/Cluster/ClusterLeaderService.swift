import Logging
import PostgresNIO
import ServiceLifecycle

/// A `serve` node's campaign for the watching (`pg_try_advisory_lock` on a connection it keeps): the node holding
/// the lock watches the corpus and rescans it; the others try again every second and take over within seconds when
/// the leader dies (its session ends, so does its lock). A leader whose connection breaks can no longer know that
/// it leads: it stops watching and campaigns again.
struct ClusterLeaderService: Service {
    /// Unlocks before the connection goes back to the pool, or closes it when that fails: a pooled session must not
    /// keep the lock (a dead session has none).
    static func release(_ key: Int64, on connection: PostgresConnection) async {
        let unlocked = (try? await answer(within: 5) {
            var released = false
            for try await done in try await connection.query("SELECT true FROM (SELECT pg_advisory_unlock_all()) AS released", logger: connection.logger).decode(Bool.self) {
                released = done
            }
            return released
        }) ?? false
        if !unlocked { try? await connection.close() }
    }

    let runtime: DaemonRuntime
    let member: ClusterMember

    func run() async throws {
        let key = ClusterSchema.leaderLock
        let (runtime, member) = (self.runtime, self.member)
        while !Task.isShuttingDownGracefully {
            do {
                try await member.database.client.withConnection { connection in
                    var elected = false
                    for try await won in try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: connection.logger).decode(Bool.self) {
                        elected = won
                    }
                    guard elected else { return }
                    member.isLeader = true
                    do {
                        // The dead leader's row would say it leads until its heartbeat is old.
                        try await connection.run("UPDATE bindery_nodes SET is_leader = (name = \(member.name))")
                        runtime.logger.info("cluster.leader", metadata: ["node": "\(member.name)"])
                        var backend: Int32 = 0
                        for try await pid in try await connection.query("SELECT pg_backend_pid()", logger: connection.logger).decode(Int32.self) {
                            backend = pid
                        }
                        let session = backend
                        try await blocking { () -> Result<Void, ServiceError> in Result { () throws(ServiceError) in try runtime.startWatching() } }.get()
                        // The lock lives as long as the session: seen in pg_locks through the pool (a query on the
                        // session's own connection, dropped by a restarting server, may never answer).
                        let client = member.database.client
                        while !Task.isShuttingDownGracefully {
                            try? await Task.sleep(for: .milliseconds(500))
                            let held = try await answer(within: 5) {
                                var count = 0
                                for try await rows in try await client.query("""
                                    SELECT count(*)::bigint FROM pg_locks WHERE locktype = 'advisory' AND pid = \(session) AND granted
                                    AND classid = \(key >> 32)::oid AND objid = \(key & 0xffff_ffff)::oid AND objsubid = 1
                                    """).decode(Int.self) { count = rows }
                                return count > 0
                            }
                            if !held { throw ServiceError(.cluster, "the session holding the leadership ended") }
                        }
                    } catch {
                        await Self.release(key, on: connection)
                        throw error
                    }
                    await Self.release(key, on: connection)
                }
            } catch {
                if member.isLeader {
                    // Its session ended, so did its lock: another node may lead now. It stops watching and campaigns
                    // again; the node elected rescans the corpus, so no change made meanwhile is missed.
                    member.isLeader = false
                    await blocking { runtime.watcher.stop() }
                    runtime.logger.warning("cluster.leadership-lost", metadata: ["error": "\(ClusterDatabase.describe(error))"])
                } else {
                    runtime.logger.warning("cluster.campaign-failed", metadata: ["error": "\(ClusterDatabase.describe(error))"])
                }
            }
            if member.isLeader { return }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
