/// A recovered document: metadata, a flat list of blocks (pandoc's model) and what the reader noticed.
public struct Document: Sendable, Codable, Hashable {
    /// Bumped whenever the encoded form of the model changes incompatibly.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var metadata: Metadata
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]
    /// What the reader changed on the way from source to reading text (TEI `editorialDecl`).
    public var editorial: [EditorialNote]
    /// The source the document came from; set by whoever read the bytes.
    public var source: SourceInfo?
    /// Decisions about single source lines that the blocks do not show (hyphens), for the proof.
    public var lineDecisions: [LineDecision]
    /// The images the `figure` blocks show (a PDF's pictures).
    public var images: [DocumentImage]

    public init(
        metadata: Metadata = Metadata(),
        blocks: [Block] = [],
        diagnostics: [Diagnostic] = [],
        editorial: [EditorialNote] = [],
        source: SourceInfo? = nil,
        lineDecisions: [LineDecision] = [],
        images: [DocumentImage] = []
    ) {
        self.schemaVersion = Document.currentSchemaVersion
        self.metadata = metadata
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.editorial = editorial
        self.source = source
        self.lineDecisions = lineDecisions
        self.images = images
    }
}

/// Facts about the source file that outputs record (TEI `sourceDesc`, bag metadata).
public struct SourceInfo: Sendable, Codable, Hashable {
    public var fileName: String
    public var byteCount: Int
    public var sha256: String
    public var lineCount: Int

    public init(fileName: String, byteCount: Int, sha256: String, lineCount: Int) {
        self.fileName = fileName
        self.byteCount = byteCount
        self.sha256 = sha256
        self.lineCount = lineCount
    }
}
