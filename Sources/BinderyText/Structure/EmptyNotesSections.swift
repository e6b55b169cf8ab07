import BinderyModel

/// A notes section whose every note moved to its marker keeps nothing but its heading (and the headings under it):
/// those headings are left out, so that no book has a page that says "Notes" and nothing more. Page breaks stay.
enum EmptyNotesSections {
    /// Removes such headings from `blocks`; returns each removed heading's text and source line.
    static func drop(from blocks: inout [Block]) -> [(text: String, line: Int?)] {
        var removed: [(text: String, line: Int?)] = []
        var index = 0
        while index < blocks.count {
            guard case .heading(let heading) = blocks[index], heading.kind == .notes else {
                index += 1
                continue
            }
            // The section runs to the next heading at its level or above.
            var end = index + 1
            while end < blocks.count {
                if case .heading(let next) = blocks[end], next.level <= heading.level { break }
                end += 1
            }
            let section = blocks[(index + 1)..<end]
            let empty = section.allSatisfy { block in
                switch block {
                case .heading, .pageBreak: true
                default: false
                }
            }
            guard empty else {
                index = end
                continue
            }
            for case .heading(let inner) in blocks[index..<end] {
                removed.append((inner.inlines.plainText, inner.info.source?.firstLine))
            }
            blocks.replaceSubrange(index..<end, with: section.filter { if case .pageBreak = $0 { true } else { false } })
            index += section.count { if case .pageBreak = $0 { true } else { false } }
        }
        return removed
    }
}
