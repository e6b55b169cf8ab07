extension SimBook {
    /// The blocks a reader should recover from the book typeset in `conventions`: heading texts are the
    /// printed heading lines joined by a space, levels 1 (parts) and 2 (chapters) when parts are printed.
    func expectedItems(_ conventions: Conventions) -> [SimItem] {
        let setter = Typesetter(conventions)
        let chapterLevel = conventions.parts == .none ? 1 : 2
        var items: [SimItem] = []
        var chapterNumber = 0
        for (partIndex, part) in parts.enumerated() {
            let partLines = setter.partHeading(partIndex + 1, part.title)
            if !partLines.isEmpty { items.append(SimItem(kind: .heading(level: 1), text: partLines.joined(separator: " "))) }
            for chapter in part.chapters {
                chapterNumber += 1
                items.append(SimItem(kind: .heading(level: chapterLevel), text: setter.chapterHeading(chapterNumber, chapter.title).joined(separator: " ")))
                for block in chapter.blocks {
                    let kind: SimItem.Kind = if case .quote = block { .quote } else { .paragraph }
                    items.append(SimItem(kind: kind, text: block.spans.readingText.whitespaceNormalized,
                                         notes: conventions.notes == .none ? [] : expectedNotes(block.spans)))
                }
            }
        }
        return items
    }

    private func expectedNotes(_ spans: [SimSpan]) -> [SimNote] {
        var before = ""
        var found: [SimNote] = []
        for span in spans {
            switch span {
            case .text(let text): before += text
            case .note(let number): found.append(SimNote(number: "\(number)", before: before.whitespaceNormalized, text: notes[number - 1]))
            }
        }
        return found
    }
}
