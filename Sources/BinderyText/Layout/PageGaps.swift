/// The gaps between pages as the paragraph builder meets them: for each text line, the blank lines right before it
/// and whether furniture taken out stands among them, from running counts (one pass, however many pages hold
/// nothing but furniture); and the blank lines a gap with furniture in it holds of its own.
struct PageGaps {
    /// Index of the last text line before each line (-1: none).
    private var previousText: [Int]
    /// Blank lines kept, and lines taken out, before each index.
    private var blanksBefore: [Int], removedBefore: [Int]
    private(set) var usualBlanks = 0

    init(_ lines: [SourceLine], pages: PageFinder.Result) {
        previousText = Array(repeating: -1, count: lines.count + 1)
        blanksBefore = Array(repeating: 0, count: lines.count + 1)
        removedBefore = Array(repeating: 0, count: lines.count + 1)
        var lastText = -1
        for index in lines.indices {
            previousText[index] = lastText
            let removed = pages.removed.contains(index)
            blanksBefore[index + 1] = blanksBefore[index] + (lines[index].isBlank && !removed ? 1 : 0)
            removedBefore[index + 1] = removedBefore[index] + (removed ? 1 : 0)
            if !removed, !lines[index].isBlank { lastText = index }
        }
        previousText[lines.count] = lastText
        // Each gap measured where the builder meets it: at the first text line of its page.
        var nextText = Array(repeating: lines.count, count: lines.count + 1)
        for index in lines.indices.reversed() {
            nextText[index] = !pages.removed.contains(index) && !lines[index].isBlank ? index : nextText[index + 1]
        }
        var counts: [Int: Int] = [:]
        for start in pages.breaks.keys where nextText[start] < lines.count {
            let gap = gap(before: nextText[start])
            if gap.furnished { counts[gap.blanks, default: 0] += 1 }
        }
        // A title or a section's blank lines beside a gap only lengthen it: the page's own are the fewest that a
        // quarter of the gaps hold.
        let total = counts.values.reduce(0, +)
        usualBlanks = counts.sorted { $0.key < $1.key }.first { $0.value * 4 >= total }?.key
            ?? counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }

    /// The blank lines between `index` and the text line before it, and whether furniture taken out stands among them.
    func gap(before index: Int) -> (blanks: Int, furnished: Bool) {
        let from = previousText[index] + 1
        return (blanksBefore[index] - blanksBefore[from], removedBefore[index] > removedBefore[from])
    }
}
