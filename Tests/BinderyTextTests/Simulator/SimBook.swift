/// A piece of a simulated paragraph: running text, or the marker of note `n` right after the text before it.
enum SimSpan: Hashable, Sendable {
    case text(String)
    case note(Int)
}

/// A block of a simulated chapter: a paragraph or a block quotation of one paragraph.
enum SimBlock: Hashable, Sendable {
    case paragraph([SimSpan])
    case quote([SimSpan])

    var spans: [SimSpan] {
        switch self {
        case .paragraph(let spans), .quote(let spans): spans
        }
    }
}

struct SimChapter: Hashable, Sendable {
    var title: String
    var blocks: [SimBlock]
}

struct SimPart: Hashable, Sendable {
    var title: String
    var chapters: [SimChapter]
}

/// The known document the simulator typesets: parts of chapters (part headings are printed only under a
/// part convention) and endnotes numbered through the book.
struct SimBook: Hashable, Sendable {
    var title: String
    var author: String
    var parts: [SimPart]
    /// Note texts; note `n` is `notes[n - 1]`.
    var notes: [String]

    var chapters: [SimChapter] { parts.flatMap(\.chapters) }
}

extension [SimSpan] {
    /// The reading text: the spans' text without the markers.
    var readingText: String {
        map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }

    /// The text as printed, each marker glued to the word before it in the given style.
    func printed(_ notes: NoteStyle) -> String {
        map { span in
            switch span {
            case .text(let text): text
            case .note(let number): notes.marker(number)
            }
        }.joined()
    }
}
