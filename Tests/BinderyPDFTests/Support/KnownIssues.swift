import Testing

/// What the reader does not read right yet (#22), each with what comes out, told by facts of the printed
/// book (its conventions, how a block was set). A check known to fail runs inside `withKnownIssue` (not
/// intermittent): once the reader reads it right, the test fails with "known issue was not recorded" —
/// then take the reason out.
enum KnownIssues {
    /// Why the headings of a book in `conventions` are known to come out wrong, or nil.
    static func headings(_ conventions: PrintConventions) -> String? {
        conventions.headingLevels == 3 && !conventions.numberLines
            ? "3 levels, no number lines: the title of a part's first chapter, alone at the top of the page after the part's page, is read as a paragraph (¶ byline); the chapter is lost"
            : nil
    }

    /// Why some paragraphs of a book in `conventions` are known not to come out whole, or nil.
    static func paragraphs(_ conventions: PrintConventions) -> String? {
        conventions.justified ? nil
            : "ragged right: a paragraph is cut after a line that ends a sentence short of the measure (though the next word would not have fitted there)"
    }

    /// Why the block quotes or the verse of a book in `conventions` are known to come out wrong, or nil.
    static func quotesAndVerse(_ conventions: PrintConventions) -> String? {
        guard quotesMisread.contains(conventions.testDescription) else { return nil }
        return conventions.justified
            ? "a justified block quote of two lines: its first line, set in alike from both edges and sharing no edge with a neighbour, is read as centred (a paragraph) and its short last line as a one-line verse"
            : "a ragged block quote (set in 2.5 em each side, in smaller type) is cut at its short lines into paragraphs, pieces of quote or verse"
    }

    /// Why the italics of a book in `conventions` are known to come out wrong, or nil.
    static func italics(_ conventions: PrintConventions) -> String? {
        italicsSplit.contains(conventions.testDescription)
            ? "an italic run broken over a line's end comes out as two emphases, one each side of the break" : nil
    }

    /// Runs `body`, inside `withKnownIssue` when there is a `reason` it is known to fail.
    static func check(_ reason: String?, _ body: () throws -> Void) rethrows {
        if let reason, false {
            withKnownIssue(Comment(rawValue: reason)) { try body() }
        } else {
            try body()
        }
    }

    /// The combinations (`PrintConventions.testDescription`) whose block quotes the reader misreads, as of the last run against main.
    private static let quotesMisread: Set<String> = [
        "a5 10 pt, 2 levels, indented, ragged, heads title, number lines",
        "a5 10 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "a5 10 pt, 2 levels, spaced, ragged, heads title/author",
        "a5 10 pt, 3 levels, indented, ragged, heads title",
        "a5 10 pt, 3 levels, spaced, ragged, folio at foot",
        "a5 10 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "a5 11 pt, 2 levels, indented, ragged, heads title, number lines",
        "a5 11 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "a5 11 pt, 2 levels, spaced, ragged, heads title/author",
        "a5 11 pt, 3 levels, indented, ragged, heads title",
        "a5 11 pt, 3 levels, spaced, ragged, folio at foot",
        "a5 11 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "a5 12 pt, 3 levels, indented, ragged, heads title",
        "a5 12 pt, 3 levels, spaced, ragged, folio at foot",
        "a5 12 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "letter 10 pt, 2 levels, indented, justified, folio at foot",
        "letter 10 pt, 2 levels, indented, justified, heads title/author, number lines",
        "letter 10 pt, 2 levels, indented, ragged, heads title, number lines",
        "letter 10 pt, 2 levels, spaced, justified, heads title, number lines",
        "letter 10 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "letter 10 pt, 2 levels, spaced, ragged, heads title/author",
        "letter 10 pt, 3 levels, indented, justified, folio at foot, number lines",
        "letter 10 pt, 3 levels, indented, justified, heads title/author",
        "letter 10 pt, 3 levels, indented, ragged, heads title",
        "letter 10 pt, 3 levels, spaced, justified, heads title",
        "letter 10 pt, 3 levels, spaced, ragged, folio at foot",
        "letter 10 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "letter 11 pt, 2 levels, indented, ragged, heads title, number lines",
        "letter 11 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "letter 11 pt, 2 levels, spaced, ragged, heads title/author",
        "letter 11 pt, 3 levels, indented, justified, folio at foot, number lines",
        "letter 11 pt, 3 levels, indented, justified, heads title/author",
        "letter 11 pt, 3 levels, indented, ragged, heads title",
        "letter 11 pt, 3 levels, spaced, justified, heads title",
        "letter 11 pt, 3 levels, spaced, ragged, folio at foot",
        "letter 11 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "letter 12 pt, 2 levels, indented, ragged, heads title, number lines",
        "letter 12 pt, 2 levels, spaced, ragged, heads title/author",
        "letter 12 pt, 3 levels, indented, ragged, heads title",
        "letter 12 pt, 3 levels, spaced, ragged, folio at foot",
        "letter 12 pt, 3 levels, spaced, ragged, heads title/author, number lines",
    ]

    /// The combinations whose italic runs over a line's end the reader splits, as of the last run against main.
    private static let italicsSplit: Set<String> = [
        "a5 10 pt, 2 levels, indented, ragged, heads title, number lines",
        "a5 10 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "a5 10 pt, 2 levels, spaced, ragged, heads title/author",
        "a5 11 pt, 3 levels, indented, justified, folio at foot, number lines",
        "a5 11 pt, 3 levels, spaced, justified, heads title",
        "a5 11 pt, 3 levels, spaced, ragged, folio at foot",
        "letter 10 pt, 2 levels, spaced, justified, heads title, number lines",
        "letter 10 pt, 2 levels, spaced, ragged, folio at foot, number lines",
        "letter 10 pt, 3 levels, indented, ragged, heads title",
        "letter 10 pt, 3 levels, spaced, ragged, folio at foot",
        "letter 10 pt, 3 levels, spaced, ragged, heads title/author, number lines",
        "letter 11 pt, 3 levels, indented, ragged, heads title",
    ]
}
