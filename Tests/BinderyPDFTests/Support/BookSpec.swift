/// What a generated book says, apart from how it is printed: the truth the tests compare the reader's
/// document with.
struct BookSpec: Sendable {
    var title: String
    var author: String
    var blocks: [Block]
    /// Note `n`'s text is `notes[n - 1]`; they are printed in a list after the last chapter.
    var notes: [String]
    /// The heading printed over the notes list.
    var notesHeading = "Notes"

    /// A piece of a paragraph: roman or italic words, or the raised marker of note `n` (right after the text before it).
    enum Run: Sendable, Hashable {
        case roman(String)
        case italic(String)
        case noteMarker(Int)
    }

    enum Block: Sendable, Hashable {
        /// `label` is the optional number line ("Chapter Two") printed above the title.
        case heading(level: Int, label: String?, title: String)
        case paragraph([Run])
        case quote(String)
        case verse([String])
    }

    var headings: [(level: Int, label: String?, title: String)] {
        blocks.compactMap { if case .heading(let level, let label, let title) = $0 { (level, label, title) } else { nil } }
    }

    var paragraphs: [[Run]] {
        blocks.compactMap { if case .paragraph(let runs) = $0 { runs } else { nil } }
    }
}

extension [BookSpec.Run] {
    /// The reading text: the words with their spaces, note markers left out.
    var readingText: String {
        map { run in
            switch run {
            case .roman(let text), .italic(let text): text
            case .noteMarker: ""
            }
        }.joined()
    }
}
