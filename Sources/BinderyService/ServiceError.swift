/// The one error of the daemon's module: a stable code plus a message naming the file, key or path.
public struct ServiceError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure this is; stable, for logs and tests.
    public enum Code: String, Sendable {
        case configurationUnreadable = "config.unreadable"
        case configurationSyntax = "config.syntax"
        case configurationUnknownKey = "config.unknown-key"
        case configurationBadValue = "config.bad-value"
        case directoryMissing = "path.missing"
        case stateLocked = "state.locked"
        case stateStore = "state.store"
        case watcher = "watch.failed"
        case sourceTooLarge = "job.too-large"
        case sourceUnreadable = "job.unreadable"
        case sourceName = "job.bad-name"
        case sourceClash = "job.name-clash"
        case directoryUnreadable = "job.unreadable-directory"
        case conversion = "job.conversion"
        case publish = "job.publish"
        case timedOut = "job.timed-out"
        case signal = "daemon.signal"
        case controlSocket = "control.socket"
        case serviceFailed = "daemon.service-failed"
        case cluster = "cluster.database"
    }

    public var code: Code
    public var message: String

    /// The configuration or the installation is at fault (a bad value, a missing directory, no templates):
    /// trying again will not help.
    public var isConfiguration: Bool {
        [.configurationUnreadable, .configurationSyntax, .configurationUnknownKey, .configurationBadValue, .directoryMissing].contains(code)
    }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) [\(code.rawValue)]" }
}
