import BinderyModel

/// Stage 2: page boundaries (form feeds, or runs of blank lines spaced like pages), and the page numbers
/// and running heads at page edges, found by their frequency across pages. Nothing is dropped:
/// what is removed is carried by the `PageBreak`.
struct PageFinder: Sendable {
    /// Shortest run of blank lines that can be a page boundary.
    var minimumRun = 3

    struct Result: Sendable {
        /// Page break before the line at this index (into the line array).
        var breaks: [Int: PageBreak] = [:]
        /// Line indices removed from the text (page numbers, running heads).
        var removed: Set<Int> = []
        var pageCount: Int { breaks.count + 1 }
        var diagnostics: [Diagnostic] = []
        var removedHeads = 0
        var removedNumbers = 0
        /// What each removed line was, by line index.
        var removedKinds: [Int: LineDecision.Kind] = [:]
        /// Removed lines the sidecar's `running-heads` took out.
        var bySidecar: Set<Int> = []
    }

    func find(_ lines: [SourceLine]) -> Result {
        var result = Result()
        let runs = blankRuns(lines)
        let hasFormFeeds = lines.contains(where: \.isFormFeed)
        let candidates = hasFormFeeds ? runs.filter { run in run.contains { lines[$0].isFormFeed } } : runs.filter { $0.count >= minimumRun }
        guard hasFormFeeds || looksPaginated(candidates, lines) else { return result }
        // Pages: text between boundaries; page edges are the first and last non-blank lines of each page.
        var pageRanges: [Range<Int>] = []
        var previous = 0
        for run in candidates {
            pageRanges.append(previous..<run.lowerBound)
            previous = run.upperBound
        }
        pageRanges.append(previous..<lines.count)
        let tops = pageRanges.map { range in range.first(where: { !lines[$0].isBlank }) }
        let bottoms = pageRanges.map { range in range.last(where: { !lines[$0].isBlank }) }
        // Page numbers: a lone number at a page edge, on a good share of the pages.
        var numberAt: [Int: String] = [:]
        let edgeNumbers = (tops + bottoms).compactMap { $0 }.filter { isPageNumber(lines[$0].text) }
        if edgeNumbers.count * 3 >= pageRanges.count, pageRanges.count >= 3 {
            for index in edgeNumbers { numberAt[index] = lines[index].text }
        }
        // Running heads: page-top lines that repeat (digits ignored) on several pages.
        var counts: [String: Int] = [:]
        for case let top? in tops where numberAt[top] == nil { counts[headKey(lines[top].text), default: 0] += 1 }
        let threshold = max(3, pageRanges.count / 8)
        var headAt: [Int: String] = [:]
        for case let top? in tops where numberAt[top] == nil && lines[top].length <= 80 {
            if counts[headKey(lines[top].text), default: 0] >= threshold { headAt[top] = lines[top].text }
        }
        for (page, range) in pageRanges.enumerated() {
            var pageBreak = PageBreak()
            for index in range where numberAt[index] != nil || headAt[index] != nil {
                if let number = numberAt[index] {
                    pageBreak.removedPageNumber = number
                    result.removedNumbers += 1
                }
                if let head = headAt[index] {
                    // A head may carry the page number: "12 THE TITLE" or "THE TITLE 12".
                    let words = head.split(separator: " ")
                    if let edge = [words.first, words.last].compactMap({ $0 }).first(where: { isPageNumber(String($0)) }) {
                        pageBreak.removedPageNumber = String(edge)
                    }
                    pageBreak.runningHead = head
                    result.removedHeads += 1
                }
                result.removed.insert(index)
                result.removedKinds[index] = headAt[index] != nil ? .runningHeadRemoved : .pageNumberRemoved
            }
            pageBreak.number = pageBreak.removedPageNumber
            guard page > 0 else { continue }
            let start = candidates[page - 1].upperBound
            guard start < lines.count else { continue }
            pageBreak.sourceLine = lines[candidates[page - 1].lowerBound].number
            result.breaks[start] = pageBreak
        }
        return result
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

    /// Boundaries are pages when the text between them is of a steady length.
    private func looksPaginated(_ runs: [Range<Int>], _ lines: [SourceLine]) -> Bool {
        guard runs.count >= 3 else { return false }
        var gaps: [Int] = []
        for (first, second) in zip(runs, runs.dropFirst()) {
            gaps.append((first.upperBound..<second.lowerBound).count { !lines[$0].isBlank })
        }
        let sorted = gaps.sorted()
        let median = sorted[sorted.count / 2]
        guard median >= 12 else { return false }
        let steady = gaps.count { Double($0) >= 0.8 * Double(median) && Double($0) <= 1.2 * Double(median) }
        return steady * 2 >= gaps.count
    }

    private func isPageNumber(_ text: String) -> Bool {
        let trimmed = text.trimming("-–— []")
        return TextShape.isNumber(trimmed) || (TextShape.isRoman(Substring(trimmed.uppercased())) && trimmed == trimmed.lowercased() && trimmed.count <= 6)
    }

    func headKey(_ text: String) -> String {
        // ASCII text on its bytes: its letters are A–Z and a–z.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 >= 0x61 && $0 <= 0x7A || $0 == 0x20 ? $0 : nil }, as: UTF8.self)
        }
        return String(text.lowercased().filter { $0.isLetter || $0 == " " })
    }
}
