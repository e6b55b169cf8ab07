import BinderyModel
import Foundation

/// A Swift port of `../shared/tools/score-seeds`, computed on the `Document` instead of an EPUB.
struct CorpusScore: CustomStringConvertible {
    var name: String
    var trueHeadings = 0
    var entries = 0
    var hits = 0
    var precise = 0
    var levelAgree = 0
    var trueNotes = 0
    var linkedNotes = 0
    var paragraphs = 0
    var lowerStart = 0
    var digitParagraphs = 0
    var softHyphens = 0
    var misses: [String] = []
    var extras: [String] = []
    var wrongLevels: [String] = []
    var lowerExamples: [String] = []

    var recall: Double { trueHeadings == 0 ? 1 : Double(hits) / Double(trueHeadings) }
    var precision: Double { entries == 0 ? 1 : Double(precise) / Double(entries) }
    var levels: Double { hits == 0 ? 1 : Double(levelAgree) / Double(hits) }

    var description: String {
        String(format: "%@: headings %d/%d recall %.3f precision %.3f (%d entries) levels %.3f notes %d/%d paragraphs %d lower %d digit %d ¬ %d",
               name, hits, trueHeadings, recall, precision, entries, levels, linkedNotes, trueNotes, paragraphs, lowerStart, digitParagraphs, softHyphens)
    }

    static let skipNav: Set<String> = ["note", "notes", "endnotes", "footnotes", "contents", "table of contents", "title page", "title", "cover",
                                       "copyright", "colophon", "imprint", "landmarks", "start", "begin", "front matter", "back matter"]

    init(name: String, document: Document, truth: [String: Any]) {
        self.name = name
        let titleKey = Self.key(truth["title"] as? String ?? "")
        // Nav entries: depth from nesting, as the writers' Sections helper nests headings by level.
        var stack: [Int] = []
        var nav: [(depth: Int, key: String, text: String)] = []
        for case .heading(let heading) in document.blocks {
            while let last = stack.last, last >= heading.level { stack.removeLast() }
            stack.append(heading.level)
            let text = heading.inlines.plainText
            let key = Self.key(text)
            if key.isEmpty || Self.skipNav.contains(key) || key.hasPrefix("about this") || key == titleKey { continue }
            nav.append((stack.count, key, text))
        }
        entries = nav.count
        let truthHeadings = (truth["headings"] as? [[String: Any]] ?? []).map { heading in
            (level: heading["level"] as? Int ?? 0, key: Self.key((heading["text_clean"] as? String) ?? (heading["text"] as? String ?? "")),
             text: heading["text"] as? String ?? "", line: heading["line"] as? Int ?? 0)
        }
        trueHeadings = truthHeadings.count
        let minimumDepth = nav.map(\.depth).min() ?? 1
        var used = Set<Int>()
        for heading in truthHeadings {
            if let found = nav.indices.first(where: { !used.contains($0) && Self.match(heading.key, nav[$0].key) }) {
                used.insert(found)
                hits += 1
                let depth = nav[found].depth - minimumDepth + 1
                if depth == heading.level { levelAgree += 1 } else { wrongLevels.append("l.\(heading.line) \(heading.text) true \(heading.level) got \(depth)") }
            } else {
                misses.append("l.\(heading.line) L\(heading.level) \(heading.text)")
            }
        }
        for entry in nav {
            if truthHeadings.contains(where: { Self.match($0.key, entry.key) }) { precise += 1 } else { extras.append(entry.text) }
        }
        let footnotes = truth["footnotes"] as? [String: Any]
        trueNotes = footnotes?["notes"] as? Int ?? 0
        linkedNotes = min(trueNotes, Self.noteCount(document.blocks))
        for paragraph in Self.bodyParagraphs(document.blocks) {
            paragraphs += 1
            softHyphens += paragraph.filter { $0 == "¬" }.count
            let normalised = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
            if let first = normalised.unicodeScalars.first, ("a"..."z").contains(first) {
                lowerStart += 1
                if lowerExamples.count < 40 { lowerExamples.append(String(normalised.prefix(70))) }
            }
            if (1...4).contains(normalised.count), normalised.allSatisfy({ $0.isASCII && $0.isNumber }) { digitParagraphs += 1 }
        }
    }

    static func noteCount(_ blocks: [Block]) -> Int {
        func count(_ inlines: [Inline]) -> Int {
            inlines.reduce(0) { total, inline in
                switch inline {
                case .note: total + 1
                case .emphasis(let inner), .strong(let inner), .link(_, let inner): total + count(inner)
                default: total
                }
            }
        }
        return blocks.reduce(0) { total, block in
            switch block {
            case .paragraph(let inlines, _): total + count(inlines)
            case .heading(let heading): total + count(heading.inlines)
            case .blockQuote(let inner, _): total + noteCount(inner)
            case .list(let list): total + list.items.reduce(0) { $0 + noteCount($1) }
            case .verse(let lines, _): total + lines.reduce(0) { $0 + count($1) }
            default: total
            }
        }
    }

    static func bodyParagraphs(_ blocks: [Block]) -> [String] {
        var result: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines, let info):
                if info.attributes.classes.contains(where: { ["toc", "index", "titlepage"].contains($0) }) { continue }
                result.append(inlines.plainText)
            case .blockQuote(let inner, _): result += bodyParagraphs(inner)
            case .list(let list): result += list.items.flatMap { bodyParagraphs($0) }
            default: continue
            }
        }
        return result
    }

    static func norm(_ text: String) -> String {
        var result = ""
        var previousSpace = false
        for character in text.precomposedStringWithCompatibilityMapping {
            var mapped: String
            switch character {
            case "“", "”", "„", "‟", "\"", "″": mapped = "\""
            case "‘", "’", "‚", "‛", "′", "`": mapped = "'"
            case "–", "—", "―", "‒", "−": mapped = "-"
            case "…": mapped = "..."
            case "\u{00AD}", "¬": mapped = ""
            default: mapped = String(character)
            }
            if mapped.allSatisfy(\.isWhitespace) && !mapped.isEmpty {
                if !previousSpace { result += " " }
                previousSpace = true
            } else {
                result += mapped
                previousSpace = false
            }
        }
        return result.replacingOccurrences(of: "--", with: "-").trimmingCharacters(in: .whitespaces)
    }

    static func key(_ text: String) -> String {
        let folded = norm(text).lowercased()
        return String(folded.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " }).trimmingCharacters(in: .whitespaces)
    }

    static func match(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.count > 3, b.count > 3, a.contains(b) || b.contains(a) else { return false }
        return Double(min(a.count, b.count)) / Double(max(a.count, b.count)) >= 0.5
    }
}
