import Foundation

/// Outputs deleted behind the daemon's back (one `.epub`, or `rm -rf out/`) give no corpus event: a
/// light audit (`watch.output_audit_seconds`) `lstat`s every published output and queues again each
/// document with one missing or of another size; its job finds the set not intact and publishes it.
extension DaemonRuntime {
    /// Queues every published document whose outputs are not all on disk (a running job is left alone:
    /// queuing it again would supersede it); a source gone meanwhile is recorded deleted instead.
    func auditOutputs() {
        guard let documents = try? store.documents() else { return }
        let running = queue.running
        for document in documents where document.state == .published && running[document.path] == nil {
            guard let outputs = try? store.outputs(of: document.path), !publisher.isIntact(outputs) else { continue }
            logger.warning("output.missing", metadata: ["path": "\(document.path)", "effect": "queued to publish again"])
            reconcile(document.path, trigger: .event)
        }
    }
}
