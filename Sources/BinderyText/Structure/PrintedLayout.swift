import BinderyModel

/// What the printed page told about a text read off a PDF, beyond its words: the rank of each heading's
/// type (larger first, bold before roman at one size), keyed by source line, the lines set as verse or as a
/// quotation, and that every paragraph break is a blank line (so a page break with none inside a
/// paragraph). Ranked headings take their level
/// from the type instead of from numbering; the ranks in use are closed up to 1, 2, 3…
public struct PrintedLayout: Sendable, Hashable {
    /// Source line (1 first) → rank of the type it is printed in (1 = the largest heading type).
    public var headingRanks: [Int: Int]
    /// Paragraphs are set apart by blank lines and by nothing else: a page break without one runs on.
    public var marksParagraphs: Bool
    /// Source lines printed as verse (ragged, set in) and as a quotation (justified, set in).
    public var verseLines: Set<Int>
    public var quoteLines: Set<Int>
    /// The first line of each printed heading (a number and its title, or a title and its subtitle, are one).
    public var headingStarts: Set<Int>
    /// Lines centred in the body's type, neither larger nor bold: a dateline, a dedication, a scene break.
    public var centredLines: Set<Int>
    /// Source line of a picture's `[Illustration]` place-holder → the figure that shows it.
    public var figures: [Int: Figure]

    public init(headingRanks: [Int: Int] = [:], marksParagraphs: Bool = false, verseLines: Set<Int> = [], quoteLines: Set<Int> = [],
                headingStarts: Set<Int> = [], centredLines: Set<Int> = [], figures: [Int: Figure] = [:]) {
        self.headingRanks = headingRanks
        self.marksParagraphs = marksParagraphs
        self.verseLines = verseLines
        self.quoteLines = quoteLines
        self.headingStarts = headingStarts
        self.centredLines = centredLines
        self.figures = figures
    }

    /// Levels for the headings printed in a heading type; a paragraph wholly in a heading type (two letters or
    /// more: a chapter's one numeral is left to the numbering) becomes a heading, the groups of one printed
    /// heading one heading, and a heading inferred from a centred line in the body's type a paragraph again.
    func applyHeadings(to roles: inout [GroupRole], groups: [LineGroup]) {
        guard !headingRanks.isEmpty else { return }
        applyRanks(to: &roles, groups: groups)
        for index in groups.indices.dropLast() {
            guard case .heading(let level, let kind, let text) = roles[index], case .heading(_, _, let rest) = roles[index + 1],
                  let first = groups[index + 1].lines.first?.number, first == groups[index].lastLine + 1, !headingStarts.contains(first),
                  groups[index + 1].lines.allSatisfy({ headingRanks[$0.number] != nil }) else { continue }
            roles[index] = .heading(level: level, kind: kind, text: text + " " + rest)
            roles[index + 1] = .absorbed
        }
        // The page shows what its headings look like: a heading inferred from lines in none of its heading types (a
        // speaker's name cut in a narrow cell, a stage direction) is a paragraph.
        for index in groups.indices where roles[index].isHeading && groups[index].lines.allSatisfy({ headingRanks[$0.number] == nil }) {
            roles[index] = .paragraph(classes: [])
        }
    }

    private func applyRanks(to roles: inout [GroupRole], groups: [LineGroup]) {
        var ranked: [(index: Int, rank: Int)] = []
        let groupRanks = groups.map { group in group.lines.lazy.compactMap { self.headingRanks[$0.number] }.first }
        var groupsOfRank: [Int: Int] = [:]
        for rank in groupRanks.compactMap({ $0 }) { groupsOfRank[rank, default: 0] += 1 }
        for index in groups.indices {
            let ranks = groups[index].lines.map { headingRanks[$0.number] }
            guard let rank = groupRanks[index] else { continue }
            switch roles[index] {
            case .heading:
                ranked.append((index, rank))
            // An "author line" in a type three headings or more are set in is the next heading (a part's first chapter).
            case .paragraph where !ranks.contains(nil), .byline where !ranks.contains(nil) && groupsOfRank[rank, default: 0] >= 3:
                let text = groups[index].lines.map(\.text).joined(separator: " ").replacing("\u{2010} ", with: "")
                guard text.count >= 2 else { continue }
                roles[index] = .heading(level: 0, kind: .section, text: text)
                ranked.append((index, rank))
            default:
                continue
            }
        }
        let levels = Dictionary(uniqueKeysWithValues: Set(ranked.map(\.rank)).sorted().enumerated().map { ($1, $0 + 1) })
        for (index, rank) in ranked {
            guard case .heading(let level, let kind, let text) = roles[index], let newLevel = levels[rank] else { continue }
            // A heading made here takes its kind from its words and level, as one a sidecar names does.
            // A word the page broke at a hyphen (U+2010) is whole again in the heading.
            let whole = text.replacing("\u{2010} ", with: "")
            roles[index] = .heading(level: newLevel, kind: level == 0 ? StructureClassifier.divisionKind(of: whole, level: newLevel) : kind, text: whole)
        }
    }
}
