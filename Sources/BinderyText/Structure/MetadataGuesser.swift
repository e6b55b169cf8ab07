import BinderyModel

/// Title, subtitle and people read as a cataloguer would: from the title page (its first lines the title and
/// subtitle, its credits with their roles), else from the first division's heading and the byline under it. Essays'
/// other bylines credit contributors. What is not found, or found only in a heading, is a warning naming the sidecar
/// key that settles it (`metadata.title-missing`, `metadata.title-from-heading`, `metadata.author-missing`).
struct MetadataGuesser: Sendable {
    /// A heading longer than this is a description (`A short biography of …, commonly known as …`), not a title.
    static let longestHeadingTitle = 12

    func metadata(titleLines: [String], credits: [Contributor], imprint: [String], bylines: [Int: String], blocks: [Block]) -> (Metadata, [Diagnostic]) {
        var metadata = Metadata()
        var diagnostics: [Diagnostic] = []
        var creators = credits
        var imprint = imprint
        if !titleLines.isEmpty {
            var lines = titleLines[...]
            // A title set over lines that break after an article or a joining word (`THE` / `BROTHERS KARAMAZOV`) is one.
            var title = lines.removeFirst()
            while let next = lines.first, Self.endsOpen(title) {
                title += " " + next
                lines.removeFirst()
            }
            // An edition or a volume is the printed source's, not the title's.
            imprint = lines.filter(Self.namesEdition) + imprint
            let subtitle = lines.filter { !Self.namesEdition($0) }.joined(separator: " ")
            (metadata.title, metadata.subtitle) = subtitle.isEmpty ? Self.splitAtColon(Self.shown(title)) : (Self.shown(title), Self.shown(subtitle))
        } else if let heading = Self.titleHeading(blocks) {
            let text = heading.inlines.plainText.trimming(" .:")
            if TextShape.words(text).count <= Self.longestHeadingTitle {
                metadata.title = Self.shown(text)
                diagnostics.append(Diagnostic(.warning, code: "metadata.title-from-heading",
                    "no title page: the title “\(metadata.title!)” was taken from the first heading", line: heading.info.source?.firstLine))
                if creators.isEmpty, let line = heading.info.source?.firstLine, let name = bylines[line] { creators.append(Contributor(name: name)) }
            }
        }
        if !imprint.isEmpty {
            // The printed source: its imprint as set, and its year when one stands there (`LONDON` / `1920`).
            metadata.sourceDescription = imprint.map(Self.shown).joined(separator: ", ")
            metadata.date = imprint.lazy.compactMap(Self.year).first
        }
        if metadata.title == nil {
            diagnostics.append(Diagnostic(.warning, code: "metadata.title-missing", "no title found on a title page or in a heading; the file name stands in"))
        }
        var seen: Set<String> = []
        metadata.creators = creators.filter { seen.insert(Self.nameKey($0.name)).inserted }.map { Contributor(name: Self.shown($0.name), role: $0.role) }
        // Bylines the book's own credits do not name are its essays' authors: contributors.
        metadata.contributors = bylines.sorted { $0.key < $1.key }.map(\.value).filter { seen.insert(Self.nameKey($0)).inserted }
            .map { Contributor(name: Self.shown($0)) }
        // A translator or an editor of an introduction is no author: a book crediting only them names none.
        if !metadata.creators.contains(where: { $0.role == "aut" || $0.role == "edt" }) {
            diagnostics.append(Diagnostic(.warning, code: "metadata.author-missing",
                "no author found on a title page or under the first heading" + (metadata.contributors.isEmpty ? "" : " (essays' bylines are recorded as contributors)")))
        }
        return (metadata, diagnostics)
    }

    /// The first top-level chapter or part heading (front matter and bare numbers passed over), else the first heading.
    private static func titleHeading(_ blocks: [Block]) -> Heading? {
        var first: Heading?
        for case .heading(let heading) in blocks {
            // A division's number alone (`Chapter I`, `PART ONE`, `1.`) is no book's title.
            if isNumberingLabel(heading.inlines.plainText) { continue }
            if heading.level == 1 && [.chapter, .part].contains(heading.kind) { return heading }
            if first == nil { first = heading }
        }
        return first
    }

    /// Only a division's keyword and number: `Chapter I`, `PART ONE`, `1.`, `Book the First`.
    static func isNumberingLabel(_ text: String) -> Bool {
        let keywords: Set<String> = ["chapter", "part", "book", "section", "act", "scene", "canto", "letter", "the"]
        let words = text.lowercased().split { $0 == " " || $0 == "." || $0 == ":" }
        return !words.isEmpty && words.allSatisfy { word in
            keywords.contains(String(word)) || word.allSatisfy(\.isNumber) || TextShape.isRoman(word.uppercased()[...])
                || NumberWords.value(word) != nil
        }
    }

    /// A title line that cannot end the title: a lone article, or one ending in a joining word (`ONE HUNDRED YEARS OF`).
    private static func endsOpen(_ line: String) -> Bool {
        guard let last = line.split(separator: " ").last?.lowercased() else { return false }
        return TextShape.minorWords.contains(last)
    }

    /// `SECOND EDITION, REVISED`, `VOLUME II`, `Vol. 3`.
    private static func namesEdition(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("edition") || lower.hasPrefix("volume") || lower.hasPrefix("vol. ") || lower.contains(" volume ")
    }

    /// A year from 1450 to 2099 that ends a line of the imprint (`1920`, `New York, 1938`).
    private static func year(_ line: String) -> String? {
        let digits = line.trimming(" .").suffix(4)
        guard digits.count == 4, digits.allSatisfy(\.isNumber), let value = Int(digits), (1450...2099).contains(value) else { return nil }
        let before = line.trimming(" .").dropLast(4).last
        return before == nil || before == " " || before == "," ? String(digits) : nil
    }

    /// "Bloodstained: One Hundred Years …" is a title and its subtitle.
    private static func splitAtColon(_ text: String) -> (String, String?) {
        guard let colon = text.range(of: ": ") else { return (text, nil) }
        let title = String(text[..<colon.lowerBound]).trimming(" "), subtitle = String(text[colon.upperBound...]).trimming(" ")
        return title.isEmpty || subtitle.isEmpty ? (text, nil) : (title, subtitle)
    }

    /// Capitals as set on a title page are shown title-cased.
    private static func shown(_ text: String) -> String {
        TextShape.isAllCaps(text) ? titleCased(text) : text
    }

    /// "The Friends of Aron Baron" and "Friends of Aron Baron" are one creator.
    static func nameKey(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
    }

    static func titleCased(_ text: String) -> String {
        text.split(separator: " ").enumerated().map { position, word in
            let lower = word.lowercased()
            if position > 0, TextShape.minorWords.contains(lower) { return lower }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}
