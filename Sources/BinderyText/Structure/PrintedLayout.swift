/// What the printed page told about a text read off a PDF, beyond its words: the rank of each heading's
/// type (larger first, bold before roman at one size), keyed by source line, and that every paragraph
/// break is a blank line (so a page break with none inside a paragraph). Ranked headings take their level
/// from the type instead of from numbering; the ranks in use are closed up to 1, 2, 3…
public struct PrintedLayout: Sendable, Hashable {
    /// Source line (1 first) → rank of the type it is printed in (1 = the largest heading type).
    public var headingRanks: [Int: Int]
    /// Paragraphs are set apart by blank lines and by nothing else: a page break without one runs on.
    public var marksParagraphs: Bool

    public init(headingRanks: [Int: Int] = [:], marksParagraphs: Bool = false) {
        self.headingRanks = headingRanks
        self.marksParagraphs = marksParagraphs
    }

    func applyHeadingRanks(to roles: inout [GroupRole], groups: [LineGroup]) {
        guard !headingRanks.isEmpty else { return }
        var ranked: [(index: Int, rank: Int)] = []
        for index in groups.indices {
            guard case .heading = roles[index], let rank = groups[index].lines.lazy.compactMap({ self.headingRanks[$0.number] }).first else { continue }
            ranked.append((index, rank))
        }
        let levels = Dictionary(uniqueKeysWithValues: Set(ranked.map(\.rank)).sorted().enumerated().map { ($1, $0 + 1) })
        for (index, rank) in ranked {
            guard case .heading(_, let kind, let text) = roles[index] else { continue }
            roles[index] = .heading(level: levels[rank]!, kind: kind, text: text)
        }
    }
}
