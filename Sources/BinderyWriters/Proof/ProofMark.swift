import BinderyModel

/// One decision about a source line, as the proof shows it: a legend category, a label, maybe a link.
enum ProofMark: Hashable {
    case heading(level: Int, kind: DivisionKind, bySidecar: Bool)
    case paragraphStart(classes: [String], bySidecar: Bool)
    case joined
    case blockQuote
    case list
    case verse
    case sceneBreak
    /// A picture of the source, kept as a figure.
    case figure
    /// `inParagraph`: the paragraph runs on across the break (rejoined).
    case pageBreak(PageBreak, inParagraph: Bool)
    case noteText(number: String, markerLine: Int?)
    case decision(LineDecision)

    init(_ decision: LineDecision) { self = .decision(decision) }

    /// The CSS class and the legend word of the mark.
    var category: String {
        switch self {
        case .heading: "heading"
        case .paragraphStart: "paragraph"
        case .joined: "join"
        case .blockQuote: "quote"
        case .list: "list"
        case .verse: "verse"
        case .sceneBreak: "scene"
        case .figure: "figure"
        case .pageBreak: "page"
        case .noteText: "note"
        case .decision(let decision):
            switch decision.kind {
            case .hyphenJoined, .hyphenKept, .compoundRestored: "hyphen"
            case .noteMarker: "marker"
            case .runningHeadRemoved, .pageNumberRemoved, .strayMarkRemoved: "page"
            }
        }
    }

    var bySidecar: Bool {
        switch self {
        case .heading(_, _, let bySidecar), .paragraphStart(_, let bySidecar): bySidecar
        case .decision(let decision): decision.bySidecar
        default: false
        }
    }

    /// The line this mark points to (a marker's note text, a note text's marker).
    var link: Int? {
        switch self {
        case .noteText(_, let markerLine): markerLine
        case .decision(let decision): decision.target
        default: nil
        }
    }

    var label: String {
        switch self {
        case .heading(let level, let kind, _): "heading \(level) · \(kind.rawValue)"
        case .paragraphStart(let classes, _): classes.isEmpty ? "¶ paragraph" : "¶ " + classes.map(Self.className).joined(separator: " ")
        case .joined: "joined to the line above"
        case .blockQuote: "block quote"
        case .list: "list"
        case .verse: "verse"
        case .sceneBreak: "scene break"
        case .figure: "figure: the source's picture, kept as an image"
        case .pageBreak(let page, let inParagraph):
            "page break" + (page.number.map { " → p. \($0)" } ?? "")
                + (page.runningHead.map { "; running head “\($0)” removed" } ?? "")
                + (page.removedPageNumber.map { "; page number \($0) removed" } ?? "")
                + (page.strayMark.map { "; stray mark “\($0)” removed" } ?? "")
                + (inParagraph ? "; the paragraph runs on across it" : "")
        case .noteText(let number, let markerLine): "note [\(number)] text" + (markerLine == nil ? ", linked from its marker" : ", its marker at")
        case .decision(let decision):
            switch decision.kind {
            case .hyphenJoined: "end hyphen joined: “\(decision.detail)”"
            case .hyphenKept: "end hyphen kept: “\(decision.detail)”"
            case .compoundRestored: "compound hyphen put back (the text extraction had joined two lines): “\(decision.detail)”"
            case .noteMarker: "note marker [\(decision.detail)] linked to its note at"
            case .runningHeadRemoved: "running head taken out of the text"
            case .pageNumberRemoved: "page number taken out of the text"
            case .strayMarkRemoved: "stray mark (a logo's or an ornament's scrap) taken out of the text"
            }
        }
    }

    /// The reader's class names in words.
    private static func className(_ name: String) -> String {
        switch name {
        case "toc": "table of contents"
        case "note-unmatched": "note text without a marker"
        case "titlepage": "title page"
        case Attributes.address: "postal address, its lines kept"
        default: name
        }
    }
}
