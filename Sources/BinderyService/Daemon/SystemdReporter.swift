import Logging
import Synchronization

/// Tells systemd the daemon's state changes and heartbeats, remembering a READY it could not deliver
/// (sent again with each heartbeat until systemd takes it) and whether heartbeats are stalled.
package final class SystemdReporter: Sendable {
    private struct Delivery {
        var stalled = false
        var undeliveredReady: String?
    }

    let notifier: SystemdNotifier
    private let logger: Logger
    private let delivery = Mutex(Delivery())

    init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// Seconds between heartbeats: at most 5, sooner when systemd's watchdog asks for it.
    var heartbeatInterval: Double { min(notifier.watchdogInterval ?? 5, 5) }

    /// Sends a state change (READY, RELOADING, STOPPING), waiting at most 1 s; a READY that cannot be
    /// sent is logged and handed to the heartbeat, so that a slow systemd still learns of it.
    func notifyState(_ message: String) {
        let isReady = message.hasPrefix("READY=1")
        do {
            try notifier.notify(message)
            // A READY that once failed has now reached systemd (after a reload, say): that is its delivery too.
            if isReady, delivery.withLock({ $0.undeliveredReady.take() }) != nil { logger.info("systemd.ready-delivered") }
        } catch {
            logger.warning("systemd.notify-failed", metadata: ["message": "\(message.prefix { $0 != "\n" })", "error": "\(error)"])
            if isReady { delivery.withLock { $0.undeliveredReady = message } }
        }
    }

    /// Sends STATUS (and WATCHDOG=1 when systemd asked for it) without waiting, and a READY still owed.
    func heartbeat(status: String) {
        var message = "STATUS=\(status)"
        if notifier.watchdogInterval != nil { message += "\nWATCHDOG=1" }
        if let ready = delivery.withLock({ $0.undeliveredReady }), (try? notifier.notify(ready, waitSeconds: 0)) != nil {
            delivery.withLock { $0.undeliveredReady = nil }
            logger.info("systemd.ready-delivered")
        }
        do {
            try notifier.notify(message, waitSeconds: 0)
            if delivery.withLock({ $0.stalled.exchange(false) }) { logger.info("systemd.notify-resumed") }
        } catch {
            if !delivery.withLock({ $0.stalled.exchange(true) }) {
                logger.warning("systemd.notify-stalled", metadata: ["error": "\(error)", "effect": "heartbeats are dropped until the notify socket takes them"])
            }
        }
    }
}

private extension Optional {
    /// The value, leaving nil behind.
    mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}

private extension Bool {
    /// The old value, leaving `new` behind.
    mutating func exchange(_ new: Bool) -> Bool {
        defer { self = new }
        return self
    }
}
