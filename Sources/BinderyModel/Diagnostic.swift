/// Something a stage noticed or decided without certainty; never a reason to drop text.
public struct Diagnostic: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable short code such as `decode.windows1252`.
    public var code: String
    public var message: String
    public var line: Int?

    public init(_ severity: Severity, code: String, _ message: String, line: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
    }
}

/// One editorial decision, recorded in TEI `editorialDecl` under its category.
public struct EditorialNote: Sendable, Codable, Hashable {
    public enum Category: String, Sendable, Codable, Hashable, CaseIterable {
        case correction, normalization, quotation, hyphenation, segmentation, interpretation
    }

    public var category: Category
    public var text: String

    public init(_ category: Category, _ text: String) {
        self.category = category
        self.text = text
    }
}
