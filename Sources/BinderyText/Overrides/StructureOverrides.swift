import BinderyModel

/// The structure decisions a user forces in the sidecar's `structure:` section. Rules are checked
/// (regexes compile, lines exist) when the sidecar is read; the reader applies them over inference.
public struct StructureOverrides: Sendable, Hashable {
    /// Which lines a rule picks: by exact text (trimmed), by regular expression, or by source line.
    public enum Selector: Sendable, Hashable, CustomStringConvertible {
        case text(String)
        case match(String)
        case line(Int)

        public var description: String {
            switch self {
            case .text(let text): "text “\(text)”"
            case .match(let pattern): "match /\(pattern)/"
            case .line(let line): "line \(line)"
            }
        }
    }

    /// A heading the user wants, at this level (and kind, when given).
    public struct ForcedHeading: Sendable, Hashable {
        public var selector: Selector
        public var level: Int
        public var kind: DivisionKind?

        public init(_ selector: Selector, level: Int, kind: DivisionKind? = nil) {
            self.selector = selector
            self.level = level
            self.kind = kind
        }
    }

    /// `join` drops every end-of-line hyphen between letters, `keep` keeps every one, `auto` asks the lexicon.
    public enum Hyphenation: String, Sendable, Hashable, CaseIterable {
        case auto, join, keep
    }

    /// The paragraph layouts a user can name: `indent` is hard-wrapped text whose paragraphs start indented.
    public enum Paragraphs: String, Sendable, Hashable, CaseIterable {
        case blank, indent, wrapped, line, double
    }

    /// The sidecar's file name, for messages and the editorial notes.
    public var sidecarName: String
    public var headings: [ForcedHeading] = []
    public var notHeadings: [Selector] = []
    /// Regular expressions of lines to take out as running heads.
    public var runningHeads: [String] = []
    public var paragraphs: Paragraphs?
    public var hyphenation: Hyphenation?
    /// False for `notes: off`: note markers and texts are left as printed.
    public var linkNotes: Bool?

    public init(sidecarName: String) {
        self.sidecarName = sidecarName
    }

    public var isEmpty: Bool {
        headings.isEmpty && notHeadings.isEmpty && runningHeads.isEmpty && paragraphs == nil && hyphenation == nil && linkNotes == nil
    }
}
