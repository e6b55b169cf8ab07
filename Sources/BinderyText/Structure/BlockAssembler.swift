import BinderyModel

/// Turns the classified groups into the flat block list of the model, page breaks in place.
struct BlockAssembler: Sendable {
    var groups: [LineGroup]
    var roles: [GroupRole]
    var inlines: [[Inline]]
    /// Note texts that now live at their markers.
    var matchedNotes: Set<Int>

    /// Verse and block-quote recognition; nil leaves every paragraph a paragraph.
    var shape: LineShape?
    /// Groups whose role the sidecar decided: their blocks say so (`decided-by: sidecar`).
    var bySidecar: Set<Int> = []
    /// Lines the printed page set as verse or as a quotation, for a text read off a PDF.
    var printed = PrintedLayout()
    /// The entries of index paragraphs whose lines were joined (`IndexEntries`), by group: a paragraph each.
    var indexEntries: [Int: [IndexEntries.Entry]] = [:]
    /// `[Illustration…]` place-holders met (first line, caption), filled by `blocks()`.
    var illustrations: [(line: Int, caption: String)] = []

    /// Where paragraphs open with an indent, one set-in line between blank lines (which no paragraph has) next to a
    /// quotation goes on with it: a quoted document's short paragraph (`This warning is final.`), its signature.
    private func quotesOnAlone(_ index: Int, after previous: Block?, bodyIndent: Int) -> Bool {
        let group = groups[index]
        guard let shape, shape.profile.indentMark, shape.profile.layout == .hardWrapped, group.lines.count == 1, group.blankBefore >= 1,
              group.blankAfter >= 1, group.lines[0].leadingSpaces >= bodyIndent + 3 else { return false }
        // Set in as far as the quotation beside it.
        if case .blockQuote = previous, index > 0, groups[index - 1].lines[0].leadingSpaces == group.lines[0].leadingSpaces { return true }
        return index + 1 < groups.count && groups[index + 1].blankBefore >= 1 && shape.isBlockQuote(groups[index + 1], bodyIndent: bodyIndent)
            && groups[index + 1].lines[0].leadingSpaces == group.lines[0].leadingSpaces
    }

    /// Blocks that keep a paragraph's lines apart: an index's entries, a paragraph each (`IndexEntries`), or a postal
    /// address's lines (`PostalAddress`, unless the page set them as verse); nil for any other paragraph.
    private func entriesOrAddress(_ index: Int, classes: [String], hasNote: Bool, indentedVerse: Bool, info: NodeInfo) -> [Block]? {
        let group = groups[index]
        if let entries = indexEntries[index] {
            return entries.filter { !$0.inlines.isEmpty }.map { entry in
                let source = SourceRange(firstLine: group.lines[entry.lines.lowerBound].number, lastLine: group.lines[entry.lines.upperBound - 1].number)
                return .paragraph(entry.inlines, NodeInfo(attributes: info.attributes, source: source))
            }
        }
        guard classes.isEmpty, !hasNote, let shape, !indentedVerse, !group.lines.contains(where: { printed.verseLines.contains($0.number) }),
              PostalAddress.matches(group.lines[...], measure: shape.profile.measure) else { return nil }
        let lines = VerseLines.lines(group.lines[...], inlines: inlines[index], pageBreaks: group.pageBreaks)
        return [.verse(lines: lines, NodeInfo(attributes: Attributes(classes: [Attributes.address], pairs: info.attributes.pairs), source: group.source))]
    }

    /// The attribute pair that marks a block the sidecar decided.
    private func decision(_ index: Int) -> [KeyValue] {
        bySidecar.contains(index) ? [KeyValue(Attributes.decidedBy, "sidecar")] : []
    }

    mutating func blocks() -> [Block] {
        let bodyIndent = LineShape.bodyIndent(groups)
        let proseIndent = StanzaJoiner.proseIndent(groups)
        let indentedMeasures = LineShape.indentedMeasures(groups, proseIndent: proseIndent)
        // The indents at which the document sets whole blocks of lines in (its quotations, its verse).
        let blockIndents = Set(groups.filter { $0.lines.count >= 2 && $0.lines.allSatisfy { $0.leadingSpaces >= proseIndent + 2 } }.map { $0.lines[0].leadingSpaces })
        // Where paragraphs open with an indent, their first lines are set in too: set-in blocks are measured by their own lines.
        let displayMeasures = shape.map { shape in LineShape.indentedMeasures(groups.filter(shape.isSetInDisplay), proseIndent: proseIndent) } ?? [:]
        var indentedVerse = groups.map { group in
            shape.map { shape in
                let display = shape.isSetInDisplay(group)
                guard display || shape.isIndented(group, bodyIndent: proseIndent) else { return false }
                let measures = display ? displayMeasures : indentedMeasures
                return shape.keepsLines(group.lines[...], measure: measures[group.lines[0].leadingSpaces] ?? Self.widest(group))
            } ?? false
        }
        // The printed page tells verse (ragged lines) from a quotation (justified ones) where it was read.
        for index in groups.indices where !printed.verseLines.isEmpty || !printed.quoteLines.isEmpty {
            let numbers = groups[index].lines.map(\.number)
            if numbers.allSatisfy(printed.verseLines.contains) { indentedVerse[index] = true }
            if numbers.allSatisfy(printed.quoteLines.contains) { indentedVerse[index] = false }
        }
        // A couplet whose lines both open with capitals, between stanzas of verse, is a stanza too.
        for index in groups.indices where !indentedVerse[index] && groups[index].lines.count == 2 {
            guard let shape, shape.isIndented(groups[index], bodyIndent: proseIndent), shape.opensWithCapital(groups[index].lines[1]),
                  [index - 1, index + 1].contains(where: { indentedVerse.indices.contains($0) && indentedVerse[$0] && groups[$0].lines.count >= 2 }) else { continue }
            indentedVerse[index] = true
        }
        let verse = verseGroups()
        var blocks: [Block] = []
        var listItems: [[Block]] = []
        var listOrdered = false
        var listRange: SourceRange?
        func flushList() {
            guard let range = listRange, !listItems.isEmpty else { return }
            let classes = ["markers-in-text"]
            blocks.append(.list(ListBlock(ordered: listOrdered, items: listItems, info: NodeInfo(attributes: Attributes(classes: classes), source: range))))
            listItems = []
            listRange = nil
        }
        for (index, group) in groups.enumerated() {
            let role = roles[index]
            if case .listItem(let ordered, _) = role, ordered == listOrdered || listItems.isEmpty {
                // stays in the list
            } else {
                flushList()
            }
            // A page break before the next item of a list opens that item, and the list goes on across the page.
            var itemPageBreak: PageBreak?
            if let pageBreak = group.pageBreakBefore {
                if case .listItem = role, !listItems.isEmpty { itemPageBreak = pageBreak } else { flushList(); blocks.append(.pageBreak(pageBreak)) }
            }
            let info = NodeInfo(source: group.source)
            switch role {
            case .absorbed:
                continue
            case .paragraph(let classes):
                guard !inlines[index].isEmpty else { continue }
                let paragraphInfo = NodeInfo(attributes: Attributes(classes: classes, pairs: decision(index)), source: group.source)
                let hasNote = inlines[index].contains { if case .note = $0 { true } else { false } }
                if classes == ["illustration"], var figure = printed.figures[group.firstLine], group.lines.count == 1 {
                    // A PDF's picture, at its place-holder.
                    figure.info = NodeInfo(source: group.source)
                    blocks.append(.figure(figure))
                    continue
                }
                if classes == ["illustration"], let caption = Illustration.caption(group.plainText) {
                    // A caption stands as its own paragraph; a bare place-holder leaves only a diagnostic.
                    illustrations.append((group.firstLine, caption))
                    if !caption.isEmpty { blocks.append(.paragraph([.text(caption)], NodeInfo(attributes: Attributes(classes: ["illustration", "caption"]), source: group.source))) }
                    continue
                }
                if let lineBlocks = entriesOrAddress(index, classes: classes, hasNote: hasNote, indentedVerse: indentedVerse[index], info: paragraphInfo) {
                    blocks += lineBlocks
                    continue
                }
                if classes == ["speech-body"] {
                    let verse = shape?.keepsLines(group.lines[...]) == true
                    blocks.append(verse ? .verse(lines: VerseLines.lines(group.lines[...], inlines: inlines[index], pageBreaks: group.pageBreaks), paragraphInfo) : .paragraph(inlines[index], paragraphInfo))
                    continue
                }
                if classes == ["speech"] {
                    blocks += speech(group, inlines: inlines[index], info: paragraphInfo, verse: shape?.keepsLines(group.lines.dropFirst()) == true)
                    continue
                }
                if let shape, !classes.contains("titlepage"), !classes.contains("index"), !classes.contains("toc") {
                    if indentedVerse[index] {
                        blocks.append(.verse(lines: VerseLines.lines(group.lines[...], inlines: inlines[index], pageBreaks: group.pageBreaks), paragraphInfo))
                        continue
                    }
                    // One indented line beside indented paragraphs (a letter's salutation) goes with them; where
                    // paragraphs stand between blank lines at the margin, one alone at an indent the document sets
                    // blocks in is a quotation too.
                    let neighbour = [index - 1, index + 1].first { groups.indices.contains($0) && groups[$0].lines.count >= 2 && shape.isIndented(groups[$0], bodyIndent: proseIndent + 1) }
                    let indent = group.lines.first?.leadingSpaces ?? 0
                    let alone = shape.indentsSetApart && (proseIndent + 3...proseIndent + 8).contains(indent) && blockIndents.contains(indent)
                    if group.lines.count == 1, shape.isIndented(group, bodyIndent: proseIndent + 1), neighbour != nil || alone {
                        if let neighbour, indentedVerse[neighbour] {
                            blocks.append(.verse(lines: [[.text(group.lines[0].text)]], paragraphInfo))
                        } else {
                            blocks.append(.blockQuote([.paragraph(inlines[index], NodeInfo(source: group.source))], paragraphInfo))
                        }
                        continue
                    }
                    if verse.contains(index), !hasNote, !group.lines.allSatisfy({ printed.quoteLines.contains($0.number) }) {
                        blocks.append(.verse(lines: VerseLines.lines(group.lines[...], inlines: [], pageBreaks: group.pageBreaks), paragraphInfo))
                        continue
                    }
                    if shape.isBlockQuote(group, bodyIndent: bodyIndent) || quotesOnAlone(index, after: blocks.last, bodyIndent: bodyIndent) {
                        blocks.append(.blockQuote([.paragraph(inlines[index], NodeInfo(source: group.source))], paragraphInfo))
                        continue
                    }
                }
                blocks.append(.paragraph(inlines[index], paragraphInfo))
            case .heading(let level, let kind, let text):
                var source = group.source
                // The groups merged into the title follow it: their last line ends its source, their notes stay with it.
                let merged = roles[(index + 1)...].prefix { $0 == .absorbed }.indices
                if let last = merged.last { source.lastLine = groups[last].lastLine }
                let absorbed = merged.flatMap { inlines[$0] }
                let notes = (inlines[index] + absorbed).filter { if case .note = $0 { true } else { false } }
                let breaks = inlines[index].pageBreaks.map(Inline.pageBreak)
                // A stray web address in the heading's lines is kept as an empty link (not part of the title).
                let links = group.lines.filter(ParagraphBuilder.isStrayURL).map { Inline.link(url: $0.text, []) }
                blocks.append(.heading(Heading(level: level, inlines: [.text(text)] + notes + breaks + links, kind: kind, info: NodeInfo(attributes: Attributes(pairs: decision(index)), source: source))))
            case .byline(_, let text):
                blocks.append(.paragraph([.text(text)], NodeInfo(attributes: Attributes(classes: ["byline"]), source: group.source)))
            case .sceneBreak:
                blocks.append(.sceneBreak(NodeInfo(attributes: Attributes(pairs: [KeyValue("source-text", group.plainText)]), source: group.source)))
            case .noteText:
                if matchedNotes.contains(index) {
                    // The text now lives at its marker; keep any page break it carried.
                    for pageBreak in inlines[index].pageBreaks { blocks.append(.pageBreak(pageBreak)) }
                    continue
                }
                blocks.append(.paragraph(inlines[index], NodeInfo(attributes: Attributes(classes: ["note-unmatched"]), source: group.source)))
            case .listItem(let ordered, _):
                listOrdered = ordered
                // Items keep their printed markers (the list is marked `markers-in-text`): nothing is lost,
                // and "1) to proceed …" does not read as a paragraph starting in lower case.
                let content = (itemPageBreak.map { [Inline.pageBreak($0)] } ?? []) + inlines[index]
                listItems.append([.paragraph(content, info)])
                listRange = SourceRange(firstLine: listRange?.firstLine ?? group.firstLine, lastLine: group.lastLine)
            }
        }
        flushList()
        return blocks
    }

    /// The width of a group's longest line, indent included: its own measure when its indent has too few lines to tell one.
    static func widest(_ group: LineGroup) -> Int {
        group.lines.map { $0.leadingSpaces + $0.length }.max() ?? 0
    }

    /// Paragraph groups of verse (`LineShape.isVerse`), and where verse runs on without blank lines, the short
    /// groups of ragged lines opening with capitals and ending with a stop right beside them: a poem's first line,
    /// split off because it ended a sentence on a short line, and its last before a blank line.
    private func verseGroups() -> Set<Int> {
        guard let shape else { return [] }
        var verse = Set(groups.indices.filter { if case .paragraph = roles[$0] { shape.isVerse(groups[$0]) } else { false } })
        guard shape.profile.layout == .hardWrapped else { return verse }
        func joins(_ index: Int) -> Bool {
            // A title (`The Sentry`) ends with no stop; a line of the poem split off here ends with one.
            roles[index] == .paragraph(classes: []) && groups[index].lines.count <= 3
                && TextShape.finalMark(groups[index].plainText).map { !$0.isLetter && !$0.isNumber } == true
                && groups[index].lines.allSatisfy { $0.length * 10 < shape.profile.measure * 9 && shape.opensWithCapital($0) }
        }
        // A stanza the paragraph builder cut at each short sentence end: adjacent groups of ragged lines opening
        // with capitals, too short each to tell, read as verse together. A run starts on a stop (a title has none)
        // and ends before a blank line.
        var run: [Int] = []
        func closeRun() {
            // It ends at a blank line; what runs on to other text may be prose going on under the poem.
            if let last = run.last, !(last + 1 < groups.count && groups[last + 1].blankBefore > 0) { run.removeLast() }
            if run.count >= 2, shape.isRunOnVerse(LineGroup(lines: run.flatMap { groups[$0].lines }, blankBefore: 0)) { verse.formUnion(run) }
            run = []
        }
        for index in groups.indices {
            let ragged = roles[index] == .paragraph(classes: [])
                && groups[index].lines.allSatisfy { $0.length * 10 < shape.profile.measure * 9 && shape.opensWithCapital($0) }
            if !ragged || groups[index].blankBefore > 0 { closeRun() }
            if ragged, !run.isEmpty || TextShape.finalMark(groups[index].plainText).map({ !$0.isLetter && !$0.isNumber }) == true { run.append(index) }
        }
        closeRun()
        for start in verse.sorted() {
            var next = start + 1
            // After the verse, only up to a blank line (prose may go on right under a poem).
            while next + 1 < groups.count, groups[next].blankBefore == 0, groups[next + 1].blankBefore > 0, !verse.contains(next), joins(next) { verse.insert(next); next += 1 }
            var previous = start - 1
            while previous >= 0, groups[previous + 1].blankBefore == 0, !verse.contains(previous), joins(previous) { verse.insert(previous); previous -= 1 }
        }
        return verse
    }

    /// A play's speech: the speaker's label, then the speech as verse lines or as one prose paragraph.
    private func speech(_ group: LineGroup, inlines: [Inline], info: NodeInfo, verse: Bool) -> [Block] {
        let speaker = Block.paragraph([.text(group.lines[0].text)], NodeInfo(attributes: Attributes(classes: ["speaker"]), source: SourceRange(line: group.firstLine)))
        let body = SourceRange(firstLine: group.lines[1].number, lastLine: group.lastLine)
        if verse {
            let lines = VerseLines.lines(group.lines.dropFirst(), inlines: inlines, pageBreaks: group.pageBreaks,
                                         leading: group.lines[0].text.unicodeScalars.count + 1)
            return [speaker, .verse(lines: lines, NodeInfo(attributes: Attributes(classes: ["speech"]), source: body))]
        }
        return [speaker, .paragraph(Self.dropping(prefixBefore: group.lines[1].text, from: inlines), NodeInfo(attributes: Attributes(classes: ["speech"]), source: body))]
    }

    /// The inlines without the text before `body` begins (a list marker or note number).
    static func dropping(prefixBefore body: String, from inlines: [Inline]) -> [Inline] {
        guard case .text(let first)? = inlines.first, let range = first.range(ofPrefixProbe: String(body.prefix(8))) else { return inlines }
        var result = inlines
        result[0] = .text(String(first[range.lowerBound...]))
        return result
    }
}
