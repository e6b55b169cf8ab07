import BinderyModel

/// Project Gutenberg's licence header (up to `*** START OF THE PROJECT GUTENBERG EBOOK … ***`) and footer
/// (from `*** END OF …`): taken out of the reading text, the header's `Title:`, `Author:`, `Language:` and
/// `Release date: … [eBook #n]` kept as metadata.
struct GutenbergLicence: Sendable {
    /// Indices of the header's and the footer's lines (the marker lines included).
    var header: Range<Int>?
    var footer: Range<Int>?
    var title: String?
    /// The header's people, with their MARC roles (`Editor:` `edt`, `Translator:` `trl`).
    var authors: [Contributor] = []
    var language: String?
    var releaseDate: String?
    var ebookNumber: String?

    /// The licence of a PG text, or nil when it has neither marker line.
    static func find(_ lines: [String]) -> GutenbergLicence? {
        let start = lines.firstIndex { isMarker($0, "START") }
        let end = lines.lastIndex { isMarker($0, "END") }.flatMap { end in start.map { end > $0 } ?? true ? end : nil }
        guard start != nil || end != nil else { return nil }
        var licence = GutenbergLicence()
        if let start {
            licence.header = 0..<(start + 1)
            licence.readFields(lines[0..<start])
        }
        if var end {
            // Older texts close with "End of the Project Gutenberg EBook of …" a few lines before the marker.
            if let closing = lines[max(0, end - 8)..<end].lastIndex(where: { $0.lowercased().hasPrefix("end of the project gutenberg") || $0.lowercased().hasPrefix("end of project gutenberg") }),
               closing > (start ?? -1) { end = closing }
            licence.footer = end..<lines.count
        }
        return licence
    }

    /// The lines with the header's and footer's lines blank (line numbers stay as they were).
    func blanking(_ lines: [String]) -> [String] {
        var lines = lines
        for range in [header, footer].compactMap({ $0 }) { for index in range { lines[index] = "" } }
        return lines
    }

    /// `*** START OF THE PROJECT GUTENBERG EBOOK …` (also `THIS`, no space after the stars, any case).
    static func isMarker(_ line: String, _ word: String) -> Bool {
        guard line.hasPrefix("***") else { return false }
        let upper = line.uppercased()
        return upper.dropFirst(3).drop { $0 == " " }.hasPrefix("\(word) OF") && upper.contains("PROJECT GUTENBERG")
    }

    private mutating func readFields(_ lines: ArraySlice<String>) {
        var field: String?
        for raw in lines {
            let line = raw.trimming(" \t")
            if line.isEmpty { field = nil; continue }
            // A field runs on over indented lines ("Title: The Long\n       Title").
            if raw.first == " ", let open = field {
                if open == "title" { title = (title ?? "") + " " + line }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { field = nil; continue }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimming(" ")
            field = name
            switch name {
            case "title": title = value
            case "author", "authors", "editor", "translator":
                let role = name == "editor" ? "edt" : name == "translator" ? "trl" : "aut"
                authors += value.components(separatedBy: " and ").map { $0.trimming(" ,") }.filter { !$0.isEmpty }.map { Contributor(name: $0, role: role) }
            case "language": language = Self.languageTag(value)
            case "release date", "release_date", "posting date":
                if let hash = value.range(of: "#") {
                    ebookNumber = String(value[hash.upperBound...].prefix { $0.isNumber })
                    releaseDate = String(value[..<hash.lowerBound]).trimming(" [").replacingOccurrences(of: " [eBook", with: "").replacingOccurrences(of: " [EBook", with: "").trimming(" [")
                } else if releaseDate == nil {
                    releaseDate = value
                }
            case "ebook #", "ebook number": ebookNumber = value.trimming(" #")
            default: break
            }
        }
        if releaseDate?.lowercased().hasSuffix("ebook") == true { releaseDate = String(releaseDate!.dropLast(5)).trimming(" [") }
    }

    private static let tags: [String: String] = [
        "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it", "portuguese": "pt", "dutch": "nl",
        "latin": "la", "finnish": "fi", "swedish": "sv", "danish": "da", "norwegian": "no", "russian": "ru", "polish": "pl",
        "greek": "el", "hungarian": "hu", "chinese": "zh", "japanese": "ja", "esperanto": "eo", "catalan": "ca", "czech": "cs",
    ]

    /// The BCP 47 tag of the header's language name (`English` → `en`), or the value when it is a tag already.
    static func languageTag(_ value: String) -> String? {
        let first = value.split(whereSeparator: { $0 == "," || $0 == ";" }).first.map { String($0).trimming(" ") } ?? ""
        if let tag = tags[first.lowercased()] { return tag }
        return first.count <= 3 && first.allSatisfy(\.isLetter) && !first.isEmpty ? first.lowercased() : nil
    }

    /// What the header tells, over the metadata guessed from the text.
    func apply(to metadata: inout Metadata) {
        if let title { (metadata.title, metadata.subtitle) = (title, nil) }
        if !authors.isEmpty { metadata.creators = authors }
        if let language { metadata.language = language }
        if let releaseDate, !releaseDate.isEmpty { metadata.date = releaseDate }
        if let ebookNumber, !ebookNumber.isEmpty {
            metadata.identifier = "https://www.gutenberg.org/ebooks/\(ebookNumber)"
            metadata.sourceDescription = "Project Gutenberg eBook #\(ebookNumber)"
        }
        metadata.publisher = metadata.publisher ?? "Project Gutenberg"
    }
}
