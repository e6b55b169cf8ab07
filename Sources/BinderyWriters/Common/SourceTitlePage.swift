import BinderyModel

/// The source's own title page: the paragraphs the reader marked `titlepage` that open the document before any
/// heading, with the page breaks among them. The EPUB and TEI writers set it as the book's title page, in place of
/// one made from the metadata, so that it is not printed twice.
struct SourceTitlePage {
    /// The title page's blocks in order: `titlepage` paragraphs and page breaks.
    var blocks: [Block]

    /// The title page, if the document opens with one, and the blocks after it.
    static func split(_ blocks: [Block]) -> (titlePage: SourceTitlePage?, rest: [Block]) {
        let leading = blocks.prefix { block in
            switch block {
            case .paragraph(_, let info): info.attributes.classes.contains("titlepage")
            case .pageBreak: true
            default: false
            }
        }
        guard leading.contains(where: { if case .paragraph = $0 { true } else { false } }) else { return (nil, blocks) }
        return (SourceTitlePage(blocks: Array(leading)), Array(blocks.dropFirst(leading.count)))
    }

    /// What a title page line is to the metadata: the title (or one of the lines it is set in), the subtitle, a line
    /// naming a creator or contributor, or other.
    enum Role { case title, subtitle, byline, other }

    /// Each block's role (page breaks `.other`): the first run of lines that reads as the title, alone or set over
    /// consecutive lines (`BLOODSTAINED` / `ONE HUNDRED YEARS OF …`), is the title.
    func roles(_ metadata: Metadata) -> [Role] {
        let keys = blocks.map { block -> String? in if case .paragraph(let line, _) = block { Self.key(line.plainText) } else { nil } }
        var roles = keys.map { key -> Role in
            guard let key, !key.isEmpty else { return .other }
            if let subtitle = metadata.subtitle, Self.key(subtitle) == key { return .subtitle }
            let names = (metadata.creators + metadata.contributors).map { Self.key($0.name) }.filter { !$0.isEmpty }
            return names.contains { key.contains($0) } ? .byline : .other
        }
        guard let title = metadata.title.map(Self.key), !title.isEmpty else { return roles }
        for start in keys.indices {
            var joined = "", end = start
            while end < keys.count, let key = keys[end], !key.isEmpty, title.hasPrefix(joined.isEmpty ? key : joined + " " + key) {
                joined = joined.isEmpty ? key : joined + " " + key
                end += 1
                if joined == title {
                    for index in start..<end { roles[index] = .title }
                    return roles
                }
            }
        }
        return roles
    }

    /// Lower case, letters, digits and single spaces only: `DUBLINERS.` is `dubliners`, `Bloodstained:` is `bloodstained`.
    private static func key(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}
