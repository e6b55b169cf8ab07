import BinderyModel

/// Plain text → `Document`: the stages of structure recovery run in order over the decoded lines.
public struct TextReader: Sendable {
    public var options: ReaderOptions
    /// The sidecar's `structure:` section, applied over inference.
    public var overrides: StructureOverrides?
    /// Asked between stages; true makes the read throw `ReaderError.Code.stopped` (each stage is linear
    /// in the text, so a cancelled or overdue job stops within one stage, not at the end).
    public var shouldStop: (@Sendable () -> Bool)?
    /// What the printed page told, for a text read off a PDF.
    public var printed = PrintedLayout()

    public init(options: ReaderOptions = ReaderOptions(), overrides: StructureOverrides? = nil, printed: PrintedLayout = PrintedLayout(),
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.options = options
        self.overrides = overrides
        self.printed = printed
        self.shouldStop = shouldStop
    }

    /// Reads a whole source. Throws only when there is no text to read (binary, empty, too large).
    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Document {
        try readWithLines(bytes).document
    }

    /// Reads a whole source and also returns its decoded lines (line 1 first), for the proof.
    public func readWithLines(_ bytes: [UInt8]) throws(ReaderError) -> (document: Document, lines: [String]) {
        try checkpoint("decoding")
        let decoded = try TextDecoder(maximumBytes: options.maximumBytes).decode(bytes)
        return (try structure(decoded), decoded.lines)
    }

    private func checkpoint(_ stage: String) throws(ReaderError) {
        if shouldStop?() == true { throw ReaderError(.stopped, "stopped before \(stage)") }
    }

    /// Stages 2–8 over decoded lines. Work that does not depend on the stage before it runs beside it: half of
    /// the dehyphenator's lexicon beside the page and paragraph stages; its other half, the joining of each
    /// group's lines and the search for note markers in them beside classification; the two halves of the
    /// source lines and of the typography. The results are the same as one after another.
    func structure(_ decoded: TextDecoder.Result) throws(ReaderError) -> Document {
        var document = Document(diagnostics: decoded.diagnostics, editorial: decoded.editorial)
        // A Project Gutenberg licence is no part of the reading text, nor is a title's underline: their lines read as blank.
        let licence = GutenbergLicence.find(decoded.lines)
        var blanked = licence?.blanking(decoded.lines) ?? decoded.lines
        let underlines = TitleUnderlines.find(blanked)
        for index in underlines { blanked[index] = "" }
        let raw = blanked
        if let first = underlines.first {
            document.diagnostics.append(Diagnostic(.info, code: "layout.underlines",
                "\(underlines.count) row(s) of marks under a title (`====`, `----`) read as blank lines", line: first + 1))
        }
        try checkpoint("source lines")
        let lines = Concurrently.map(count: raw.count) { SourceLine(number: $0 + 1, raw: raw[$0]) }
        try checkpoint("pages and paragraphs")
        let sidecar = overrides.flatMap { $0.isEmpty ? nil : $0 }
        let layout = Self.layout(sidecar?.paragraphs)
        let breakHyphens = Dehyphenator.breakHyphenHabit(lines)
        let closedDashes = Dehyphenator.closedDashHabit(lines)
        let options = options
        let marksParagraphs = printed.marksParagraphs
        let keepsPageLayout = LineShape.keepsPageLayout(lines)
        // A picture's place-holder is no line of text: it does not count in the layout's measures.
        let figureLines = Set(printed.figures.keys.map { $0 - 1 })
        let (front, lexiconStart) = Concurrently.run({ () -> (PageFinder.Result, [Int], [Int], LayoutProfile, HeadingOverrides.Resolution) in
            var pages = PageFinder().find(lines)
            let headRules = RunningHeadOverrides(sidecar?.runningHeads ?? [])
            let unusedHeads = headRules.apply(to: &pages, lines: lines)
            let profile = LayoutDetector(override: layout.layout ?? options.paragraphLayout, indentOverride: layout.indent)
                .detect(lines, removed: figureLines.isEmpty ? pages.removed : pages.removed.union(figureLines))
            // Indents in a text read off a page are the page's own (quotations, verse): they set lines apart.
            let apart = marksParagraphs || LineShape.indentsSetApart(profile, keepsPageLayout: pages.pageCount > 1 && keepsPageLayout)
            let built = StanzaJoiner(profile: profile, indentsSetApart: apart).join(ParagraphBuilder(profile: profile, marksParagraphs: marksParagraphs).build(lines, pages: pages))
            let headingRules = HeadingOverrides(sidecar ?? StructureOverrides(sidecarName: ""))
            return (pages, unusedHeads, headRules.stopped, profile, headingRules.resolve(built))
        }, {
            LexiconScan.Halves(lines, marksBreaksWithHyphen: breakHyphens)
        })
        let (pages, unusedHeads, stoppedHeads, profile, resolution) = front
        let indentsSetApart = marksParagraphs || LineShape.indentsSetApart(profile, keepsPageLayout: pages.pageCount > 1 && keepsPageLayout)
        try checkpoint("classification")
        let groups = resolution.groups
        let dehyphenate = sidecar?.hyphenation != nil || options.dehyphenate
        let linkNotes = sidecar?.linkNotes ?? options.linkNotes
        let (classification, joined) = Concurrently.run({
            StructureClassifier(profile: profile, forced: resolution.forced, denied: resolution.denied).classify(groups)
        }, {
            var dehyphenator = Dehyphenator(lexicon: lexiconStart.finish(lines))
            dehyphenator.policy = sidecar?.hyphenation ?? .auto
            dehyphenator.marksBreaksWithHyphen = breakHyphens
            dehyphenator.closesDashes = closedDashes
            // Most documents have no over-long line: their lines are not looked up at all.
            dehyphenator.compounds = lexiconStart.compounds.candidates.isEmpty ? nil : lexiconStart.compounds
            let inlines = groups.map { group in
                dehyphenate ? dehyphenator.inlines(group, keepLineBreaks: options.keepLineBreaks) : [Inline.text(group.plainText)]
            }
            return (dehyphenator, inlines, linkNotes ? NoteLinker.markers(in: inlines) : nil)
        })
        var classified = classification
        printed.applyHeadings(to: &classified.roles, groups: groups)
        let (dehyphenator, _, markers) = joined
        try checkpoint("note linking")
        var inlines = joined.1
        var notes = NoteLinker.Outcome()
        if linkNotes {
            notes = NoteLinker().link(runs: classified.noteRuns, groups: groups, roles: &classified.roles, inlines: &inlines, markers: markers)
        }
        var assembler = BlockAssembler(groups: groups, roles: classified.roles, inlines: inlines, matchedNotes: notes.matchedGroups,
                                       shape: LineShape(profile: profile, indentsSetApart: indentsSetApart),
                                       bySidecar: classified.bySidecar, printed: printed)
        // An index's entries are read again with their line ends (a copy of the dehyphenator: its counts are not doubled).
        var lineReader = dehyphenator
        assembler.indexEntries = IndexEntries.split(groups: groups, roles: classified.roles, inlines: inlines, keepLineBreaks: options.keepLineBreaks) {
            dehyphenate ? lineReader.inlines($0, keepLineBreaks: true) : IndexEntries.plainLineInlines($0)
        }
        var blocks = assembler.blocks()
        for heading in EmptyNotesSections.drop(from: &blocks) {
            document.diagnostics.append(Diagnostic(.info, code: "notes.section-emptied",
                "the heading “\(heading.text)” was left out: every note under it now stands at its marker", line: heading.line))
        }
        let emphasised: Int
        // Only a text with an underscore (an asterisk) somewhere can mark italics with them.
        let marks = EmphasisMarks.marks.filter { mark in raw.contains { ByteSearch.containsByte(mark, in: $0) } }
        (blocks, emphasised) = EmphasisMarks.apply(blocks, marks: marks)
        try checkpoint("typography")
        var typographer = Typographer()
        // The language is the sidecar's, the Project Gutenberg header's, or the text's own (English unless it shows another).
        let detected = options.language == nil && licence?.language == nil ? LanguageGuesser.guess(raw) : nil
        let language = options.language ?? licence?.language ?? detected?.tag ?? Metadata().language
        if options.typography { (blocks, typographer) = Typographer.apply(toHalvesOf: blocks, quotes: .forLanguage(language)) }
        document.blocks = blocks
        let metadataDoubts: [Diagnostic]
        (document.metadata, metadataDoubts) = MetadataGuesser().metadata(titleLines: classified.titleLines, credits: classified.credits, imprint: classified.imprint,
                                                                         bylines: classified.bylines, blocks: blocks)
        licence?.apply(to: &document.metadata)
        document.metadata.language = language
        if let detected, detected.tag != Metadata().language {
            // English is the default: a text in another language says where that came from.
            document.editorial.append(EditorialNote(.interpretation,
                "The language was detected from the text as \(detected.name) (\(detected.tag)), by how often it writes that language's commonest words."))
        }
        let conventions = PGConventionReport(licence: licence, illustrations: assembler.illustrations, emphasised: emphasised)
        document.diagnostics += conventions.diagnostics
        document.editorial += conventions.editorial
        document.diagnostics.append(Diagnostic(.info, code: "layout.paragraphs", profile.plainDescription(setBySidecar: layout.layout != nil, pages: pages.pageCount)))
        document.diagnostics += pages.diagnostics + classified.diagnostics + notes.diagnostics + UnsureEvidence.diagnostics(blocks)
        // The Project Gutenberg header settles what it gives.
        document.diagnostics += metadataDoubts.filter { doubt in
            doubt.code.hasPrefix("metadata.title") ? licence?.title == nil : licence?.authors.isEmpty != false
        }
        var decisions: SidecarDecisions?
        if let sidecar {
            decisions = SidecarDecisions(
                sidecarName: sidecar.sidecarName,
                forcedHeadingLines: resolution.forced.keys.sorted().map { groups[$0].firstLine },
                deniedHeadingLines: classified.bySidecar.filter { resolution.denied.contains($0) }.sorted().map { groups[$0].firstLine },
                runningHeadLines: pages.bySidecar.sorted().map { lines[$0].number }, runningHeadPatterns: sidecar.runningHeads,
                paragraphs: sidecar.paragraphs, hyphenation: sidecar.hyphenation, linkNotes: sidecar.linkNotes)
            let unused = resolution.unused + unusedHeads.map { "running-heads: match /\(sidecar.runningHeads[$0])/" }
            for rule in unused {
                document.diagnostics.append(Diagnostic(.warning, code: "sidecar.rule-unused", "\(sidecar.sidecarName): the rule \(rule) picked no line"))
            }
            for rule in resolution.stopped + stoppedHeads.map({ "running-heads: match /\(sidecar.runningHeads[$0])/" }) {
                document.diagnostics.append(Diagnostic(.warning, code: "sidecar.rule-stopped", "\(sidecar.sidecarName): the rule \(rule) was stopped: too slow "
                    + "(a repeated group holding a repetition, such as (a+)+, is refused; another pattern gets \(RegexBudget.perRule) of matching); it picks no more lines"))
            }
        }
        document.editorial += EditorialReport(
            profile: profile, pages: pages, dehyphenator: dehyphenator, typographer: typographer,
            options: { var effective = options; effective.dehyphenate = dehyphenate; return effective }(),
            headings: blocks.count { if case .heading = $0 { true } else { false } },
            notesLinked: notes.linked, notesFound: classified.noteRuns.reduce(0) { $0 + $1.groups.count }, sidecar: decisions
        ).notes()
        let corrected = document.diagnostics.filter { $0.code == "heading.numeral-corrected" }
        if !corrected.isEmpty {
            document.editorial.append(EditorialNote(.correction, "\(corrected.count) heading numeral(s) misread by text recognition were corrected: "
                + corrected.map { "\($0.message) (line \($0.line ?? 0))" }.joined(separator: "; ") + "."))
        }
        let furniture = pages.removedKinds.map { index, kind in
            LineDecision(line: lines[index].number, kind: kind, detail: lines[index].text, bySidecar: pages.bySidecar.contains(index))
        }
        document.lineDecisions = (furniture + dehyphenator.decisions + notes.markers).sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
        return document
    }

    /// The reader's layout and indent setting for the sidecar's `paragraphs:` word.
    private static func layout(_ paragraphs: StructureOverrides.Paragraphs?) -> (layout: ParagraphLayout?, indent: Bool?) {
        switch paragraphs {
        case nil: (nil, nil)
        case .blank: (.blankLineSeparated, nil)
        case .indent: (.hardWrapped, true)
        case .wrapped: (.hardWrapped, nil)
        case .line: (.linePerParagraph, nil)
        case .double: (.doubleSpaced, nil)
        }
    }
}
