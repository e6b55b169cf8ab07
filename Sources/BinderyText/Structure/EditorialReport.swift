import BinderyModel

/// States exactly what the reader did, for TEI `editorialDecl`.
struct EditorialReport: Sendable {
    var profile: LayoutProfile
    var pages: PageFinder.Result
    var dehyphenator: Dehyphenator
    var typographer: Typographer
    var options: ReaderOptions
    var headings: Int
    var notesLinked: Int
    var notesFound: Int
    /// What the sidecar's `structure:` section decided, when it has one.
    var sidecar: SidecarDecisions?

    func notes() -> [EditorialNote] {
        var notes: [EditorialNote] = []
        notes.append(EditorialNote(.segmentation, "Paragraph layout detected: \(profile.layout.plainDescription); lines of a paragraph were joined with spaces (a full line holds about \(profile.measure) characters)."))
        if options.keepLineBreaks && options.dehyphenate {
            notes.append(EditorialNote(.segmentation,
                "Diplomatic mode: the source's line breaks inside paragraphs are kept as <lb/>; break=\"no\" marks a word that runs on across a line end (a rejoined hyphenation or a kept compound hyphen)."))
        }
        if pages.pageCount > 1 {
            notes.append(EditorialNote(.segmentation,
                "\(pages.pageCount) pages found; paragraphs split by a page break were rejoined. Page numbers (\(pages.removedNumbers)) and running heads (\(pages.removedHeads)) were removed from the text and recorded as page breaks"
                    + (pages.removedStrayMarks > 0 ? "; so were stray marks at a page's top (\(pages.removedStrayMarks))." : ".")))
        }
        if options.dehyphenate {
            notes.append(EditorialNote(.hyphenation,
                "\(dehyphenator.joined) end-of-line hyphens joined, \(dehyphenator.kept) kept as compounds (\(hyphenRule)), \(dehyphenator.softHyphens) soft hyphens (¬) removed."
                    + (dehyphenator.compoundsRestored > 0 ? " \(dehyphenator.compoundsRestored) compound hyphens that the text extraction dropped with a line end were put back." : "")))
        } else {
            notes.append(EditorialNote(.hyphenation, "End-of-line hyphens were kept as printed."))
        }
        if options.typography {
            notes.append(EditorialNote(.quotation,
                "\(typographer.quotes) straight quotation marks made curly, \(typographer.dashes) double hyphens made em dashes, \(typographer.ellipses) three-dot ellipses made ‘…’."))
            if typographer.escapes > 0 {
                notes.append(EditorialNote(.correction, "\(typographer.escapes) backslashes escaping a quotation mark (export debris such as \\\") were removed."))
            }
        } else {
            notes.append(EditorialNote(.quotation, "Quotation marks, dashes and ellipses were kept as in the source."))
        }
        notes.append(EditorialNote(.interpretation,
            "\(headings) headings \(headingSource); \(notesLinked) of \(notesFound) note texts linked to their markers (unlinked ones kept as paragraphs)."))
        if let sidecar { notes.append(EditorialNote(.interpretation, sidecar.sentence)) }
        return notes
    }

    /// Where the headings came from: the layout, and the sidecar when it forced any.
    private var headingSource: String {
        guard let count = sidecar?.forcedHeadingLines.count, count > 0 else { return "inferred from the layout" }
        return "(\(count) forced by the sidecar, the others inferred from the layout)"
    }

    private var hyphenRule: String {
        switch dehyphenator.policy {
        case .auto: "decided by the document's own vocabulary"
        case .join: "the sidecar asked to join every one"
        case .keep: "the sidecar asked to keep every one"
        }
    }
}
