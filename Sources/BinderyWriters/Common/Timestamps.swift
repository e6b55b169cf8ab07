import Foundation

/// Fixed-format UTC dates for the outputs; never the local zone, so the bytes do not depend on `TZ`.
enum Timestamps {
    /// `2024-05-01T12:00:00Z` (EPUB `dcterms:modified`).
    static func dateTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2024-05-01`.
    static func day(_ date: Date) -> String {
        String(dateTime(date).prefix(10))
    }

    /// `value` when it is a W3CDTF date (`2024`, `2024-05`, `2024-05-01`), else nil.
    static func w3cDate(_ value: String?) -> String? {
        guard let value else { return nil }
        let pattern = #/^\d{4}(-\d{2}(-\d{2})?)?$/#
        return value.wholeMatch(of: pattern) != nil ? value : nil
    }
}
