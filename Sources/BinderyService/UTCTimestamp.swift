#if canImport(Glibc)
import Glibc
#endif

/// `2026-11-24T12:49:39Z` (or `…:39.612Z`) from `gmtime_r`: the log's and the control socket's times,
/// one per line and per event, where a new `ISO8601DateFormatter` each time cost about 0.3 ms.
enum UTCTimestamp {
    /// `seconds` since 1970, truncated to the second.
    static func string(_ seconds: Double) -> String {
        string(wholeSeconds: Int(seconds.rounded(.down)), milliseconds: nil)
    }

    static func string(wholeSeconds: Int, milliseconds: Int?) -> String {
        var time = time_t(wholeSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = "\(parts.tm_year + 1900)-\(padded(Int(parts.tm_mon) + 1))-\(padded(Int(parts.tm_mday)))"
        text += "T\(padded(Int(parts.tm_hour))):\(padded(Int(parts.tm_min))):\(padded(Int(parts.tm_sec)))"
        if let milliseconds { text += "." + padded(milliseconds, width: 3) }
        return text + "Z"
    }

    private static func padded(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
