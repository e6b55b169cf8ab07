import ServiceLifecycle

/// Every `watch.output_audit_seconds` (0: never), queues again the documents whose outputs are gone.
struct OutputAuditService: Service {
    let runtime: DaemonRuntime
    let seconds: Double

    func run() async throws {
        guard seconds > 0 else {
            try? await gracefulShutdown()
            return
        }
        let runtime = self.runtime
        while (try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(seconds)) }) != nil {
            runtime.control.async { runtime.auditOutputs() }
        }
    }
}
