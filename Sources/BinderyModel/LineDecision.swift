/// A decision about one source line that the blocks do not show, kept for the proof.
public struct LineDecision: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The line's end hyphen was dropped and the word rejoined with the next line.
        case hyphenJoined = "hyphen-joined"
        /// The line's end hyphen was kept (a compound) and the word rejoined without a space.
        case hyphenKept = "hyphen-kept"
        /// The text extraction had joined this line to the next and dropped a compound's hyphen; it was put back.
        case compoundRestored = "compound-restored"
        /// The line holds a note marker that was linked to its note text (`detail`: number and note line).
        case noteMarker = "note-marker"
        /// The line was a running head, taken out of the reading text (kept on the page break).
        case runningHeadRemoved = "running-head-removed"
        /// The line was a page number, taken out of the reading text (kept on the page break).
        case pageNumberRemoved = "page-number-removed"
        /// The line was a stray mark at a page's top (a logo's scrap), taken out of the reading text (kept on the page break).
        case strayMarkRemoved = "stray-mark-removed"
    }

    public var line: Int
    public var kind: Kind
    /// The word as rejoined, the note number, or the furniture taken out.
    public var detail: String
    /// Another line the decision points to (the note text of a marker).
    public var target: Int?
    /// True when the sidecar forced this decision.
    public var bySidecar: Bool

    public init(line: Int, kind: Kind, detail: String, target: Int? = nil, bySidecar: Bool = false) {
        self.line = line
        self.kind = kind
        self.detail = detail
        self.target = target
        self.bySidecar = bySidecar
    }
}
