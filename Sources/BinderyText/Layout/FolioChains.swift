/// The folios of a paginated text: numbers at page edges that rise with the pages. A run of blank lines that is no
/// page break (a chapter's opening gap) adds a page that no folio counts, so a folio may rise less than the pages do,
/// never more and never fall; each stretch of pages keeps its best chain (most folios, fewest such extra pages), so
/// numbers that rise along with them at a page's edge (headings `1`, `2`, … after gaps of their own) are left out.
/// A folio may change edges (pdftotext puts a recto's folio, printed at the head's right, under the page); between two
/// chains as good, the one that keeps to an edge wins (a page's folio at its foot, not a heading `25` at its top).
enum FolioChains {
    struct Candidate: Sendable {
        var page: Int
        var value: Int
        var line: Int
        /// At the page's foot (else at its top).
        var atFoot: Bool
    }

    /// The farthest apart, in pages, two folios of a chain may stand.
    static let reach = 10

    /// The lines of `candidates` that are folios: the chains of at least `minimumLength` that count most of the pages
    /// they span (three in five: a chapter's gap now and then, not sections a page or two long each opening with its
    /// number) and whose spans overlap no better chain's.
    static func folioLines(_ candidates: [Candidate], minimumLength: Int) -> Set<Int> {
        let ordered = candidates.sorted { ($0.page, $0.line) < ($1.page, $1.line) }
        // Score: folios, less half the pages they pass over uncounted and a hundredth for each change of edge.
        var score = [Double](repeating: 1, count: ordered.count), length = [Int](repeating: 1, count: ordered.count)
        var previous = [Int?](repeating: nil, count: ordered.count), start = Array(ordered.indices)
        var first = 0
        for index in ordered.indices {
            while ordered[first].page < ordered[index].page - reach { first += 1 }
            for earlier in first..<index {
                let pages = ordered[index].page - ordered[earlier].page, rise = ordered[index].value - ordered[earlier].value
                guard pages > 0, rise >= 1, rise <= pages else { continue }
                let candidate = score[earlier] + 1 - 0.5 * Double(pages - rise) - (ordered[index].atFoot == ordered[earlier].atFoot ? 0 : 0.01)
                if candidate > score[index] {
                    (score[index], length[index], previous[index], start[index]) = (candidate, length[earlier] + 1, earlier, start[earlier])
                }
            }
        }
        var taken: [ClosedRange<Int>] = [], lines: Set<Int> = []
        for end in ordered.indices.sorted(by: { (score[$0], -$0) > (score[$1], -$1) }) where length[end] >= minimumLength {
            let head = ordered[start[end]], tail = ordered[end]
            let span = head.page...tail.page
            // Checked before the chain is walked: each end's walk would make this quadratic.
            guard (tail.value - head.value) * 5 >= (tail.page - head.page) * 3, !taken.contains(where: { $0.overlaps(span) }) else { continue }
            taken.append(span)
            var link: Int? = end
            while let index = link { lines.insert(ordered[index].line); link = previous[index] }
        }
        return lines
    }
}
