/// Settings of the text reader; every one is recorded in the outputs' editorial notes.
public struct ReaderOptions: Sendable, Codable, Hashable {
    /// Straight quotes to curly, `--` to em dash, `...` to an ellipsis.
    public var typography: Bool
    /// Largest source accepted, in bytes.
    public var maximumBytes: Int
    /// Forces a paragraph layout instead of detecting it (a `structure:` override in the sidecar).
    public var paragraphLayout: ParagraphLayout?
    /// Join end-of-line hyphenation (by the document's own lexicon); when false, line-end hyphens are kept.
    public var dehyphenate: Bool
    /// Link note markers to note texts.
    public var linkNotes: Bool
    /// Diplomatic mode: keep the source's line breaks inside paragraphs as `Inline.lineBreak` (TEI `<lb/>`).
    public var keepLineBreaks: Bool
    /// The document's language when it is known (the sidecar's `lang`); nil: detected from the text.
    public var language: String?

    public init(typography: Bool = true, maximumBytes: Int = 64 << 20, paragraphLayout: ParagraphLayout? = nil,
                dehyphenate: Bool = true, linkNotes: Bool = true, keepLineBreaks: Bool = false, language: String? = nil) {
        self.typography = typography
        self.maximumBytes = maximumBytes
        self.paragraphLayout = paragraphLayout
        self.dehyphenate = dehyphenate
        self.linkNotes = linkNotes
        self.keepLineBreaks = keepLineBreaks
        self.language = language
    }

    private enum CodingKeys: String, CodingKey {
        case typography, maximumBytes, paragraphLayout, dehyphenate, linkNotes, keepLineBreaks, language
    }

    /// Missing keys take their defaults, so older settings still decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ReaderOptions()
        typography = try container.decodeIfPresent(Bool.self, forKey: .typography) ?? defaults.typography
        maximumBytes = try container.decodeIfPresent(Int.self, forKey: .maximumBytes) ?? defaults.maximumBytes
        paragraphLayout = try container.decodeIfPresent(ParagraphLayout.self, forKey: .paragraphLayout)
        dehyphenate = try container.decodeIfPresent(Bool.self, forKey: .dehyphenate) ?? defaults.dehyphenate
        linkNotes = try container.decodeIfPresent(Bool.self, forKey: .linkNotes) ?? defaults.linkNotes
        keepLineBreaks = try container.decodeIfPresent(Bool.self, forKey: .keepLineBreaks) ?? defaults.keepLineBreaks
        language = try container.decodeIfPresent(String.self, forKey: .language)
    }
}
