import BinderyModel

/// Contents, index, bibliography, colophon, dedication and epigraph sections.
extension StructureClassifier {
    /// Contents and index sections: their entries are paragraphs, not headings. A run of headings that
    /// all come again later is a table of contents too.
    func markContentsAndIndexes(_ groups: [LineGroup], patterns: inout [HeadingPattern?], roles: inout [GroupRole], essayTitles: Set<Int>) {
        var region: DivisionKind?
        var tocKeys: Set<String> = []
        for index in groups.indices {
            if let pattern = patterns[index] {
                var strong: Bool
                switch pattern.family {
                case .keyword: strong = true
                default: strong = pattern.isMatter || pattern.widowProtected || essayTitles.contains(index)
                }
                // Inside a table of contents, "CHAPTER I. The Start .... 5" is an entry until the body repeats it.
                if region == .contents && !pattern.isMatter { strong = false }
                // In back matter, a title at the top of a new page opens a new division.
                let newPage = groups[index].pageBreakBefore != nil && region == .colophon && index + 1 < groups.count && groups[index + 1].length >= 200
                let repeated = region == .contents && tocKeys.contains(Self.key(pattern.text))
                if repeated { region = nil }
                if strong || region == nil || newPage {
                    region = pattern.isMatter && [.contents, .index, .bibliography, .colophon, .dedication, .epigraph].contains(pattern.kind) ? pattern.kind : nil
                    continue
                }
                if region == .contents { tocKeys.insert(Self.key(pattern.text)) }
                patterns[index] = nil
            }
            if let region, region != .colophon, case .paragraph(let classes) = roles[index], classes.isEmpty {
                let names: [DivisionKind: String] = [.contents: "toc", .index: "index", .bibliography: "bibliography", .dedication: "dedication", .epigraph: "epigraph"]
                roles[index] = .paragraph(classes: [names[region] ?? "bibliography"])
            }
        }
        // Implicit tables of contents: two or more adjacent candidates whose texts are headings again later.
        var seen: [String: [Int]] = [:]
        for index in groups.indices { if let pattern = patterns[index] { seen[Self.key(pattern.text), default: []].append(index) } }
        var index = 0
        while index < groups.count {
            guard patterns[index] != nil else { index += 1; continue }
            var end = index
            while end < groups.count, let pattern = patterns[end], let last = seen[Self.key(pattern.text)]?.last, last > end { end += 1 }
            if end - index >= 2 {
                for entry in index..<end {
                    patterns[entry] = nil
                    roles[entry] = .paragraph(classes: ["toc"])
                }
            }
            index = max(end, index + 1)
        }
    }
}
