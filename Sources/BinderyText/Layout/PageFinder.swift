import BinderyModel

/// Stage 2: page boundaries (form feeds, or runs of blank lines spaced like pages), and the page furniture at
/// their edges: folios, found as numbers that rise with the pages (`FolioChains`), and running heads, found as lines that
/// repeat at page edges on many pages (recto and verso heads each on their own half, a folio beside them or not), and
/// stray marks at a page's top (`strayMark`).
/// Furniture is peeled from each edge inwards, so a head under a folio is found too. Nothing is dropped:
/// what is removed is carried by the `PageBreak`.
struct PageFinder: Sendable {
    /// Shortest run of blank lines that can be a page boundary.
    var minimumRun = 3
    /// How many lines at each page edge may be furniture.
    var edgeDepth = 3

    struct Result: Sendable {
        /// Page break before the line at this index (into the line array).
        var breaks: [Int: PageBreak] = [:]
        /// Line indices removed from the text (page numbers, running heads, stray marks).
        var removed: Set<Int> = []
        var pageCount: Int { breaks.count + 1 }
        var diagnostics: [Diagnostic] = []
        var removedHeads = 0
        var removedNumbers = 0
        var removedStrayMarks = 0
        /// What each removed line was, by line index.
        var removedKinds: [Int: LineDecision.Kind] = [:]
        /// Removed lines the sidecar's `running-heads` took out.
        var bySidecar: Set<Int> = []
    }

    func find(_ lines: [SourceLine]) -> Result {
        var result = Result()
        let runs = blankRuns(lines)
        let hasFormFeeds = lines.contains(where: \.isFormFeed)
        var candidates = hasFormFeeds ? runs.filter { run in run.contains { lines[$0].isFormFeed } } : pageGaps(runs, lines)
        if !hasFormFeeds, !looksPaginated(candidates, lines) {
            guard let periodic = Self.periodicFolioGaps(lines) else { return result }
            candidates = periodic
        }
        var pageRanges: [Range<Int>] = []
        var previous = 0
        for run in candidates {
            pageRanges.append(previous..<run.lowerBound)
            previous = run.upperBound
        }
        pageRanges.append(previous..<lines.count)
        let edges = pageRanges.map { range in PageEdges(range: range, lines: lines, depth: edgeDepth) }
        let furniture = Furniture(edges: edges, lines: lines, pageCount: pageRanges.count)
        for (page, pageEdges) in edges.enumerated() {
            var pageBreak = PageBreak()
            for index in furniture.peel(pageEdges, page: page, lines: lines) {
                let item = furniture.item(at: index, lines: lines)
                if let folio = item.folio {
                    // A folio that numbers the page before (which has none of its own) goes with that page's break.
                    if furniture.carriedLines.contains(index), var previousBreak = result.breaks[candidates[page - 2].upperBound] {
                        (previousBreak.removedPageNumber, previousBreak.number) = (folio, folio)
                        result.breaks[candidates[page - 2].upperBound] = previousBreak
                    } else {
                        pageBreak.removedPageNumber = folio
                    }
                    if item.head == nil { result.removedNumbers += 1 }
                }
                if let head = item.head {
                    pageBreak.runningHead = pageBreak.runningHead.map { $0 + " · " + head } ?? head
                    result.removedHeads += 1
                }
                result.removed.insert(index)
                result.removedKinds[index] = item.head != nil ? .runningHeadRemoved : .pageNumberRemoved
            }
            pageBreak.number = pageBreak.removedPageNumber
            guard page > 0 else { continue }
            if let scrap = strayMark(opening: pageEdges, after: edges[page - 1], removed: result.removed, lines: lines) {
                pageBreak.strayMark = lines[scrap].text
                result.removed.insert(scrap)
                result.removedKinds[scrap] = .strayMarkRemoved
                result.removedStrayMarks += 1
            }
            let start = candidates[page - 1].upperBound
            guard start < lines.count else { continue }
            pageBreak.sourceLine = lines[candidates[page - 1].lowerBound].number
            result.breaks[start] = pageBreak
        }
        return result
    }

    /// The page's first text line when it is a stray mark: a letter or two in lower case standing alone (a logo's
    /// scrap read as text, `y`) after a page whose text ended a sentence; no figure, roman folio (`ii`) or index
    /// letter (`C`) is one.
    private func strayMark(opening page: PageEdges, after previous: PageEdges, removed: Set<Int>, lines: [SourceLine]) -> Int? {
        guard let first = page.top.first(where: { !removed.contains($0) }), let last = previous.bottom.first(where: { !removed.contains($0) }),
              lines[last].endsSentence else { return nil }
        let text = lines[first].text
        guard (1...2).contains(text.count), text.allSatisfy({ $0.isLetter && $0.isLowercase }), PageFurnitureText.folio(text) == nil else { return nil }
        return first + 1 >= lines.count || lines[first + 1].isBlank ? first : nil
    }

    /// Runs of blank (or form feed) lines as index ranges.
    func blankRuns(_ lines: [SourceLine]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard lines[index].isBlank else { index += 1; continue }
            var end = index
            while end < lines.count, lines[end].isBlank { end += 1 }
            if index > 0 { runs.append(index..<end) }
            index = end
        }
        return runs
    }

    /// Runs of `minimumRun` blank lines or more; a folio standing alone between two runs makes one gap with them
    /// (`text`, blank, `12`, blank, blank), ending at the run on the folios' usual side so that the folio stays at a page
    /// edge. Where such gaps alone part pages of a steady length, they are the only ones.
    func pageGaps(_ runs: [Range<Int>], _ lines: [SourceLine]) -> [Range<Int>] {
        var length = runs.map(\.count)
        // Sandwiches (the runs at `position` and `position + 1` around a number), widest first; a run serves one.
        let sandwiches = runs.indices.dropLast().filter { position in
            let folio = runs[position].upperBound
            return runs[position + 1].lowerBound == folio + 1 && lines[folio].length <= 8
                && PageFurnitureText.folio(lines[folio].text).map { $0.rest == nil } == true
        }.sorted { (runs[$0].count + runs[$0 + 1].count, -$0) > (runs[$1].count + runs[$1 + 1].count, -$1) }
        // The gap is the run on the side where most folios have the longer one (the folio stands by its page's text; a
        // title's or a paragraph's own blank lines lengthen the other side now and then).
        let afterSide = Self.gapsFollowFolios(sandwiches.map { (runs[$0].count, runs[$0 + 1].count) })
        var used: Set<Int> = [], folioGaps: Set<Int> = []
        for position in sandwiches where !used.contains(position) && !used.contains(position + 1) {
            used.formUnion([position, position + 1])
            let chosen = afterSide ? position + 1 : position
            length[chosen] = runs[position].count + 1 + runs[position + 1].count
            // The folio's other side is its page's, no gap of its own.
            length[afterSide ? position : position + 1] = 0
            folioGaps.insert(chosen)
        }
        // Where the folios between blank lines rise page by page and part pages of a steady length, a run with none is a
        // title's or a section's, not a page's, unless a page twice as long shows a folio missing there.
        let folioPositions = runs.indices.filter(folioGaps.contains)
        let values = folioPositions.compactMap { position in
            PageFurnitureText.folio(lines[afterSide ? runs[position].lowerBound - 1 : runs[position].upperBound].text)?.value
        }
        let rising = zip(values, values.dropFirst()).count { $1 == $0 + 1 }
        if rising * 2 >= values.count, let pageLength = steadyPageLength(folioPositions.map { runs[$0] }, lines) {
            return runs.indices.filter { position in
                folioGaps.contains(position) || length[position] >= minimumRun && partsMissingFolio(position, runs, folioPositions, pageLength, lines)
            }.map { runs[$0] }
        }
        return runs.indices.filter { length[$0] >= minimumRun }.map { runs[$0] }
    }

    /// Whether the run at `position` falls inside a stretch between folio gaps that holds two pages' text or more, and
    /// parts it about a page's length from the stretch's start (the page that lost its folio ends there).
    private func partsMissingFolio(_ position: Int, _ runs: [Range<Int>], _ folios: [Int], _ pageLength: Int, _ lines: [SourceLine]) -> Bool {
        let before = folios.last { $0 < position }.map { runs[$0].upperBound } ?? 0
        let after = folios.first { $0 > position }.map { runs[$0].lowerBound } ?? lines.count
        func text(_ range: Range<Int>) -> Int { range.count { !lines[$0].isBlank } }
        guard Double(text(before..<after)) >= 1.7 * Double(pageLength) else { return false }
        return abs(text(before..<runs[position].lowerBound) - pageLength) * 5 <= pageLength
    }

    /// Where other gaps (a chapter's, a short section's: aphorisms, poems) make the text between gaps unsteady, pages of
    /// a fixed number of lines still show by their folios: numbers (or heads with their numbers) alone between blank lines, a period apart (the
    /// distance most often found between nearby ones), at the place in it where most stand, rising by one from page to
    /// page. Each page's gap is the run of blank lines beside its folio on the side most folios have the longer run
    /// (the folio stands by its page's text; a section's own blank lines may lengthen the other side now and then).
    static func periodicFolioGaps(_ lines: [SourceLine]) -> [Range<Int>]? {
        let lone = Self.loneFolios(lines)
        guard lone.count >= 4 else { return nil }
        var distances: [Int: Int] = [:]
        for (position, index) in lone.enumerated() {
            for later in lone[(position + 1)...].prefix(8) where (15...200).contains(later - index) { distances[later - index, default: 0] += 1 }
        }
        guard let mostFound = distances.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return nil }
        // Two pages apart may be found as often as one where numbers are dense: a part of the period whose places hold
        // numbers nearly as often is the period.
        let loneSet = Set(lone)
        let whole = Self.numbers(at: mostFound, lone: lone, loneSet: loneSet, lineCount: lines.count)
        let part = [3, 2].lazy.filter { mostFound % $0 == 0 && mostFound / $0 >= 15 }
            .map { (mostFound / $0, Self.numbers(at: mostFound / $0, lone: lone, loneSet: loneSet, lineCount: lines.count)) }
            .first { $0.1.fill * 5 >= whole.fill * 4 }
        let (period, folios) = part.map { ($0.0, $0.1.found) } ?? (mostFound, whole.found)
        let values = folios.compactMap { PageFurnitureText.folio(lines[$0].text)?.value }
        let rising = zip(values, values.dropFirst()).count { $1 == $0 + 1 }
        // Pages, not a coincidence: most expected places hold a number, and the numbers count the pages.
        guard folios.count >= 3, folios.count * period * 5 >= lines.count * 3, rising * 2 >= folios.count else { return nil }
        let sides = folios.map { folio -> (before: Range<Int>, after: Range<Int>) in
            var start = folio, end = folio + 1
            while start > 0, lines[start - 1].isBlank { start -= 1 }
            while end < lines.count, lines[end].isBlank { end += 1 }
            return (start..<folio, (folio + 1)..<end)
        }
        let afterSide = Self.gapsFollowFolios(sides.map { ($0.before.count, $0.after.count) })
        // A gap at either end of the text parts no pages.
        return sides.map { afterSide ? $0.after : $0.before }.filter { $0.lowerBound > 0 && $0.upperBound < lines.count }
    }

    /// Whether most folios have the longer run of blank lines (their page's gap) after them rather than before, given
    /// each folio's runs (ties count as after).
    private static func gapsFollowFolios(_ runs: [(before: Int, after: Int)]) -> Bool {
        runs.count { $0.after >= $0.before } * 2 >= runs.count
    }

    /// Lines standing alone between blank lines (or first in the text) that are a folio, or a running head with its folio
    /// set apart by three spaces or more (`THE TITLE        13`) whose head three such lines or more print.
    private static func loneFolios(_ lines: [SourceLine]) -> [Int] {
        var lone: [Int] = [], heads: [(index: Int, key: String)] = []
        for index in lines.indices.dropLast() where (index == 0 || lines[index - 1].isBlank) && lines[index + 1].isBlank && !lines[index].isBlank {
            guard let folio = PageFurnitureText.folio(lines[index].text) else { continue }
            if let rest = folio.rest {
                if lines[index].text.contains("   ") { heads.append((index, PageFurnitureText.key(rest))) }
            } else if lines[index].length <= 12 {
                lone.append(index)
            }
        }
        var printed: [String: Int] = [:]
        for head in heads { printed[head.key, default: 0] += 1 }
        return (lone + heads.filter { printed[$0.key]! >= 3 }.map(\.index)).sorted()
    }

    /// The numbers standing at a period's places (its phase: where most numbers stand in it), a line either side, and
    /// the share of its places that hold one.
    private static func numbers(at period: Int, lone: [Int], loneSet: Set<Int>, lineCount: Int) -> (found: [Int], fill: Double) {
        var phases = [Int](repeating: 0, count: period)
        for index in lone { phases[index % period] += 1 }
        let phase = phases.indices.max { (phases[$0], -$0) < (phases[$1], -$1) } ?? 0
        // Each place is a period after the last number found, so that a line more or less on a page carries over.
        var found: [Int] = [], places = 0, expected = phase
        while expected < lineCount {
            places += 1
            if let number = [expected, expected - 1, expected + 1].first(where: loneSet.contains) {
                found.append(number)
                expected = number + period
            } else {
                expected += period
            }
        }
        return (found, Double(found.count) / Double(max(1, places)))
    }

    /// Boundaries are pages when the text between them is of a steady length.
    private func looksPaginated(_ runs: [Range<Int>], _ lines: [SourceLine]) -> Bool {
        steadyPageLength(runs, lines) != nil
    }

    /// The text lines a page usually holds (the median between boundaries), when most pages hold about as many.
    private func steadyPageLength(_ runs: [Range<Int>], _ lines: [SourceLine]) -> Int? {
        guard runs.count >= 3 else { return nil }
        var gaps: [Int] = []
        for (first, second) in zip(runs, runs.dropFirst()) {
            gaps.append((first.upperBound..<second.lowerBound).count { !lines[$0].isBlank })
        }
        let sorted = gaps.sorted()
        let median = sorted[sorted.count / 2]
        guard median >= 12 else { return nil }
        let steady = gaps.count { Double($0) >= 0.8 * Double(median) && Double($0) <= 1.2 * Double(median) }
        return steady * 2 >= gaps.count ? median : nil
    }
}

/// The first and last few text lines of one page: where furniture can stand.
struct PageEdges: Sendable {
    var top: [Int]
    var bottom: [Int]
    var textLineCount: Int

    init(range: Range<Int>, lines: [SourceLine], depth: Int) {
        textLineCount = range.count { !lines[$0].isBlank }
        top = Array(range.lazy.filter { !lines[$0].isBlank }.prefix(depth))
        bottom = Array(range.reversed().lazy.filter { !lines[$0].isBlank }.prefix(depth))
    }
}
