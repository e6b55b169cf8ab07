import BinderyModel

/// Applies the sidecar's `running-heads`: a matching line is taken out of the text and kept on a page
/// break: the break of its page when it opens the page, else a new break before it (a running head starts
/// a page the finder missed).
struct RunningHeadOverrides {
    private let tests: [CompiledSelector?]

    init(_ patterns: [String]) {
        tests = patterns.map { try? CompiledSelector(.match($0)) }
    }

    /// The patterns (by index) refused or stopped as too slow (`RegexBudget`); read after `apply`.
    var stopped: [Int] { tests.indices.filter { tests[$0]?.wasStopped == true } }

    /// Updates the page finder's result; returns the patterns (by index) that matched no line (stopped ones aside).
    func apply(to result: inout PageFinder.Result, lines: [SourceLine]) -> [Int] {
        guard tests.contains(where: { $0 != nil }) else { return [] }
        var used = Set<Int>()
        var pageStart = 0
        for index in lines.indices {
            if result.breaks[index] != nil { pageStart = index }
            let line = lines[index]
            guard !line.isBlank, line.length <= 120, !result.removed.contains(index),
                  let rule = tests.firstIndex(where: { $0?.matches(line.text, line: line.number) == true }) else { continue }
            used.insert(rule)
            let opensPage = (pageStart..<index).allSatisfy { lines[$0].isBlank || result.removed.contains($0) }
            if opensPage, pageStart > 0, var pageBreak = result.breaks[pageStart] {
                pageBreak.runningHead = pageBreak.runningHead.map { $0 + " · " + line.text } ?? line.text
                result.breaks[pageStart] = pageBreak
            } else {
                result.breaks[index] = PageBreak(runningHead: line.text, sourceLine: line.number)
                pageStart = index
            }
            result.removed.insert(index)
            result.removedKinds[index] = .runningHeadRemoved
            result.bySidecar.insert(index)
            result.removedHeads += 1
        }
        return tests.indices.filter { !used.contains($0) && tests[$0].map { !$0.wasStopped } == true }
    }
}
