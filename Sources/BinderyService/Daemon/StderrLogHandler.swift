import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// One line per event on stderr: `2026-01-02T03:04:05.678Z info job.published path=a.txt ms=12`.
/// Metadata keys are sorted; values with spaces or quotes are quoted. When stderr is the journal's stream
/// (`JOURNAL_STREAM` names its device and inode), each line starts with its sd-daemon priority (`<3>` for an
/// error … `<7>` for debug), so that `journalctl -p warning` finds failed jobs, and has no timestamp of its own.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    /// Lines go to the journal: priority prefixes, no timestamp.
    let journal: Bool

    public init(label: String, level: Logger.Level = .info, journal: Bool = StderrLogHandler.stderrIsJournal()) {
        self.label = label
        logLevel = level
        self.journal = journal
    }

    /// Whether `JOURNAL_STREAM` (`DEVICE:INODE`, set by systemd) names the file stderr is open on.
    public static func stderrIsJournal(environment: [String: String] = ProcessInfo.processInfo.environment, descriptor: Int32 = 2) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// The sd-daemon priority of a level (syslog's numbers).
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        var line = journal ? "<\(Self.priority(event.level))>\(event.level) \(event.message)" : "\(Self.timestamp()) \(event.level) \(event.message)"
        for key in fields.keys.sorted() {
            line += " \(key)=\(Self.quoted("\(fields[key]!)"))"
        }
        line += "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    /// Values that would break the one-line format (spaces, quotes, `=`, any control character such as
    /// a newline in a file name) are quoted, with `\\`, `\"`, `\n`, `\r`, `\t` and `\u{…}` escapes.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.unicodeScalars.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || isInvisible($0) }) else { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isInvisible(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Control characters and whitespace other than the space: shown escaped.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (scalar.properties.isWhitespace && scalar != " ")
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UTCTimestamp.string(wholeSeconds: now.tv_sec, milliseconds: now.tv_nsec / 1_000_000)
    }
}
