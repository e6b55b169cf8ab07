import BinderyModel

/// Plain text → `Document`: the stages of structure recovery run in order over the decoded lines.
public struct TextReader: Sendable {
    public var options: ReaderOptions

    public init(options: ReaderOptions = ReaderOptions()) {
        self.options = options
    }

    /// Reads a whole source. Throws only when there is no text to read (binary, empty, too large).
    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Document {
        let decoded = try TextDecoder(maximumBytes: options.maximumBytes).decode(bytes)
        return structure(decoded)
    }

    /// Stages 2–8 over decoded lines.
    func structure(_ decoded: TextDecoder.Result) -> Document {
        var document = Document(diagnostics: decoded.diagnostics, editorial: decoded.editorial)
        let lines = decoded.lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        let pages = PageFinder().find(lines)
        let profile = LayoutDetector(override: options.paragraphLayout).detect(lines, removed: pages.removed)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: pages)
        var classified = StructureClassifier(profile: profile).classify(groups)
        var dehyphenator = Dehyphenator(lines: lines)
        var inlines = groups.map { group in
            options.dehyphenate ? dehyphenator.inlines(group, keepLineBreaks: options.keepLineBreaks) : [Inline.text(group.plainText)]
        }
        var notes = NoteLinker.Outcome()
        if options.linkNotes {
            notes = NoteLinker().link(runs: classified.noteRuns, groups: groups, roles: &classified.roles, inlines: &inlines)
        }
        var assembler = BlockAssembler(groups: groups, roles: classified.roles, inlines: inlines, matchedNotes: notes.matchedGroups,
                                       shape: LineShape(profile: profile))
        var blocks = assembler.blocks()
        var typographer = Typographer()
        if options.typography { blocks = blocks.map { typographer.apply($0) } }
        document.blocks = blocks
        document.metadata = MetadataGuesser().metadata(titlePage: classified.titlePage, creators: classified.creators, blocks: blocks)
        document.diagnostics.append(Diagnostic(.info, code: "layout.paragraphs",
            "paragraph layout read as \(profile.layout.rawValue) (measure \(profile.measure), trailing-space marks \(profile.trailingSpaceMark), indents \(profile.indentMark)); \(pages.pageCount) page(s)"))
        document.diagnostics += pages.diagnostics + classified.diagnostics + notes.diagnostics
        document.editorial += EditorialReport(
            profile: profile, pages: pages, dehyphenator: dehyphenator, typographer: typographer, options: options,
            headings: blocks.count { if case .heading = $0 { true } else { false } },
            notesLinked: notes.linked, notesFound: classified.noteRuns.reduce(0) { $0 + $1.groups.count }
        ).notes()
        return document
    }
}
