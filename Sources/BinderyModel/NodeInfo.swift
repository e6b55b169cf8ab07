/// Attributes and the source lines of a node: what every node of the model carries.
public struct NodeInfo: Sendable, Codable, Hashable {
    public var attributes: Attributes
    public var source: SourceRange?

    public init(attributes: Attributes = Attributes(), source: SourceRange? = nil) {
        self.attributes = attributes
        self.source = source
    }
}

/// pandoc's attribute triple: an identifier, classes and ordered key/value pairs.
public struct Attributes: Sendable, Codable, Hashable {
    public var id: String?
    public var classes: [String]
    public var pairs: [KeyValue]

    public init(id: String? = nil, classes: [String] = [], pairs: [KeyValue] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The key of the pair naming who made a structure decision (`sidecar`); writers do not print it.
    public static let decidedBy = "decided-by"
    /// The class of a `.verse` block that holds a postal address's lines, not a poem's.
    public static let address = "address"
    public var isAddress: Bool { classes.contains(Self.address) }

    /// True when the sidecar's `structure:` section made this node what it is.
    public var isDecidedBySidecar: Bool { self[Self.decidedBy] == "sidecar" }
}

public struct KeyValue: Sendable, Codable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// First and last source line (1-based, inclusive) that a node came from.
public struct SourceRange: Sendable, Codable, Hashable {
    public var firstLine: Int
    public var lastLine: Int

    public init(firstLine: Int, lastLine: Int) {
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
    }

    public init(line: Int) {
        self.init(firstLine: line, lastLine: line)
    }
}
