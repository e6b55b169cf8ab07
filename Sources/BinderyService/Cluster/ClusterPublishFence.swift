import BinderyConversion
import Dispatch
import PostgresNIO
import Synchronization

/// A claimed job's fence (`PublishFence`): publishing runs inside a transaction that holds the job's queue row
/// locked and found it still this claim's (its fencing token, a lease not run out, not cancelled). No other node can
/// claim the job or reap its lease meanwhile, and a worker that lost the job to another never publishes.
struct ClusterPublishFence: PublishFence {
    let database: ClusterDatabase
    let id: Int64
    let fence: Int64
    /// The lease the fence renews as it takes the row: renewals skip a row a publish holds.
    let leaseSeconds: Double

    func hold<T>(_ publish: () throws(PublishError) -> T) throws(PublishError) -> T? {
        let gate = TransactionGate()
        let (database, id, fence, lease) = (self.database, self.id, self.fence, self.leaseSeconds)
        let task = Task {
            do {
                try await database.client.withTransaction(logger: database.logger) { connection in
                    var held = false
                    for try await _ in try await connection.query("""
                        UPDATE bindery_queue SET lease_until = now() + make_interval(secs => \(lease)) WHERE id = \(id) AND fence = \(fence)
                        AND state = 'running' AND lease_until > now() AND NOT cancelled AND NOT superseded RETURNING id
                        """, logger: connection.logger) {
                        held = true
                    }
                    gate.grant(held)
                    if held { await gate.released() }
                }
                gate.finish(nil)
            } catch {
                gate.grant(false)
                gate.finish(ClusterDatabase.describe(error))
            }
        }
        guard gate.waitForGrant(timeout: database.timeoutSeconds) else {
            task.cancel()
            // A grant that comes after all must not leave its transaction waiting for a publish that will not happen;
            // the transaction is not waited for (a dropped connection may never answer).
            gate.release()
            throw PublishError(path: "", "the cluster database did not confirm the job's lease: \(gate.failure ?? "no answer in time")")
        }
        guard gate.isGranted else {
            gate.waitForFinish(timeout: database.timeoutSeconds)
            if let failure = gate.failure { throw PublishError(path: "", "the cluster database did not confirm the job's lease: \(failure)") }
            return nil
        }
        let result = Result { () throws(PublishError) in try publish() }
        gate.release()
        // The outputs are in place whether or not the commit is heard of; a commit that never answers is left behind.
        gate.waitForFinish(timeout: database.timeoutSeconds)
        return try result.get()
    }
}

/// Hands a transaction's turn between its task and the Dispatch thread that publishes while it is open.
private final class TransactionGate: Sendable {
    private struct State {
        var granted: Bool?
        var released = false
        var waiter: CheckedContinuation<Void, Never>?
        var failure: String?
    }

    private let state = Mutex(State())
    private let grantSignal = DispatchSemaphore(value: 0)
    private let finishSignal = DispatchSemaphore(value: 0)

    func grant(_ held: Bool) {
        let first = state.withLock { state in
            guard state.granted == nil else { return false }
            state.granted = held
            return true
        }
        if first { grantSignal.signal() }
    }

    func waitForGrant(timeout: Double) -> Bool { grantSignal.wait(timeout: .now() + timeout) == .success }
    var isGranted: Bool { state.withLock { $0.granted == true } }
    var failure: String? { state.withLock { $0.failure } }

    /// Suspends the transaction until the publishing thread calls `release`.
    func released() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.released { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func release() {
        let waiter = state.withLock { state in
            state.released = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func finish(_ failure: String?) {
        state.withLock { $0.failure = $0.failure ?? failure }
        finishSignal.signal()
    }

    func waitForFinish(timeout: Double) { _ = finishSignal.wait(timeout: .now() + timeout) }
}
