import BinderyModel

/// Stage 3b: groups lines into paragraphs by the detected layout and rejoins paragraphs split by a page break.
struct ParagraphBuilder: Sendable {
    var profile: LayoutProfile
    /// Every paragraph break is a blank line (`PrintedLayout.marksParagraphs`).
    var marksParagraphs = false

    func build(_ lines: [SourceLine], pages: PageFinder.Result) -> [LineGroup] {
        // (Where lines run on with blank lines only here and there, those around a page's furniture are left as they are.)
        let gaps = pages.breaks.isEmpty || marksParagraphs || (profile.layout == .hardWrapped && !Self.blankLinesAreFrequent(lines, pages: pages))
            ? nil : PageGaps(lines, pages: pages)
        var groups: [LineGroup] = []
        var current: LineGroup?
        var blanks = 0
        var pendingBreak: PageBreak?
        var previous: SourceLine?
        // The widest reach (indent and text) of the current group's lines: a set-in block's own measure.
        var groupReach = 0
        for index in lines.indices {
            if let pageBreak = pages.breaks[index] { pendingBreak = pageBreak }
            let line = lines[index]
            if pages.removed.contains(index) {
                // Where blank lines mark paragraphs, one beside a page's furniture still marks one.
                if marksParagraphs && line.isBlank && !line.isFormFeed { blanks += 1 }
                continue
            }
            if line.isBlank {
                // Where blank lines mark paragraphs, a page's form feed is no blank line.
                if !(marksParagraphs && line.isFormFeed) { blanks += 1 }
                continue
            }
            // `current?.…` appends in place: a copy of the group per line made long paragraphs quadratic.
            if Self.isStrayURL(line), current != nil {
                // A link left between paragraphs or pages (a web page's note anchor): kept inline, not a paragraph.
                current?.lines.append(line)
                continue
            }
            // A page gap's usual blank lines are the page's: only more than those set the text apart. (A gap without
            // furniture in it may be no page's: a wide gap before a title.)
            if pendingBreak != nil, let gaps, gaps.gap(before: index).furnished { blanks = max(0, blanks - gaps.usualBlanks) }
            let standsAlone = index + 1 >= lines.count || lines[index + 1].isBlank
            let following = index + 1 < lines.count && !standsAlone && !pages.removed.contains(index + 1) ? lines[index + 1] : nil
            let openingSetApart = (current?.blankBefore ?? 0) > 0 && current?.pageBreakBefore == nil
            let underNumber = current?.lines.count == 1 && groups.last.map(Self.isLoneNumber) == true
            if let count = current?.lines.count, let previous,
               !startsParagraph(line, after: previous, blanks: blanks, pageBreak: pendingBreak, standsAlone: standsAlone,
                                following: following, opening: current?.lines.first, openingSetApart: openingSetApart, groupReach: groupReach,
                                underNumber: underNumber) {
                if let pendingBreak { current?.pageBreaks[count] = pendingBreak }
                current?.lines.append(line)
                groupReach = max(groupReach, line.leadingSpaces + line.length)
            } else {
                groupReach = line.leadingSpaces + line.length
                if var group = current {
                    group.blankAfter = blanks
                    groups.append(group)
                }
                current = LineGroup(lines: [line], pageBreakBefore: pendingBreak, blankBefore: blanks)
            }
            pendingBreak = nil
            blanks = 0
            previous = line
        }
        if var group = current {
            group.blankAfter = blanks
            groups.append(group)
        }
        return groups
    }

    /// Runs of blank lines outside page gaps come once in ten text lines or more (between speeches, stanzas).
    static func blankLinesAreFrequent(_ lines: [SourceLine], pages: PageFinder.Result) -> Bool {
        var runs = 0, text = 0
        for index in lines.indices where !pages.removed.contains(index) {
            if !lines[index].isBlank {
                text += 1
            } else if index + 1 < lines.count, !lines[index + 1].isBlank, !pages.removed.contains(index + 1), pages.breaks[index + 1] == nil {
                runs += 1
            }
        }
        return runs * 10 >= text
    }

    /// A line closed by a dash against its word (`said—`), then one opening a quotation mark: the dash ends what leads
    /// into a speech as a full stop would, and the speech may open a paragraph of its own.
    static func introducesSpeech(_ previous: SourceLine, _ line: SourceLine) -> Bool {
        guard let opener = line.text.unicodeScalars.first, InlineSentences.isOpener(opener), opener != "—" else { return false }
        let tail = previous.text.unicodeScalars.suffix(2)
        return tail.count == 2 && tail.last == "—" && !SourceLine.isSpace(tail.first!)
    }

    /// An em or en dash, as a signature opens with one.
    static func isDash(_ character: Character) -> Bool { character == "—" || character == "–" }

    /// A line that opens with an item's number (`116.    If I follow`, `3) Then`).
    static func opensNumberedItem(_ line: SourceLine) -> Bool {
        ListMarker.parse(line.text)?.ordered == true
    }

    /// A line that opens an item or a note: a list marker, a number alone with its full stop, a number in brackets.
    static func opensItemOrNote(_ line: SourceLine) -> Bool {
        ListMarker.parse(line.text) != nil || isBareNumber(line) || opensWithBracketedNumber(line)
    }

    /// A line that is only a number with its full stop (`36.`): a note's or an item's number set apart.
    static func isBareNumber(_ line: SourceLine) -> Bool {
        line.length <= 4 && line.text.hasSuffix(".") && line.text.dropLast().allSatisfy { $0.isASCII && $0.isNumber } && line.length >= 2
    }

    /// `[107] In Africa, …`: a note's number in brackets, then its text opening as a sentence does (a marker in the
    /// text is glued to its word; a citation `[12] showed that` goes on in lower case).
    static func opensWithBracketedNumber(_ line: SourceLine) -> Bool {
        guard line.text.utf8.first == UInt8(ascii: "["), let number = numberInBrackets(opening: line) else { return false }
        return TextShape.startsCapitalOrDigit(String(line.text.dropFirst(3 + number.digits)))
    }

    /// The number of a line opening `[12] ` or `(12) `, and how many figures print it; nil for any other line.
    static func numberInBrackets(opening line: SourceLine) -> (value: Int, digits: Int)? {
        let bytes = Array(line.text.utf8.prefix(6))
        guard let open = bytes.first, open == UInt8(ascii: "[") || open == UInt8(ascii: "(") else { return nil }
        let digits = bytes.dropFirst().prefix { $0 >= 0x30 && $0 <= 0x39 }
        let close = UInt8(ascii: open == UInt8(ascii: "[") ? "]" : ")")
        guard (1...3).contains(digits.count), bytes.count > digits.count + 2, bytes[digits.count + 1] == close, bytes[digits.count + 2] == 0x20 else { return nil }
        return (digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, digits.count)
    }

    /// Abbreviations a page or volume number follows in a citation (`London, 1879, p.` / `135. See also`).
    static let citationAbbreviations: Set<String> = ["p", "pp", "vol", "vols", "ch", "chap", "fig"]

    /// A line ending in a citation's abbreviation, so that a number opening the next line is the one it cites.
    static func endsInCitationWord(_ text: String) -> Bool {
        guard text.hasSuffix(".") else { return false }
        let word = text.dropLast().reversed().prefix { $0.isLetter }
        return word.count <= 4 && citationAbbreviations.contains(String(word.reversed()).lowercased())
    }

    /// A short line of ornaments only (`***`, `* * *`, `~`): a scene break, not a run of closing marks (`…”`).
    static func isOrnament(_ line: SourceLine) -> Bool {
        line.length <= 24 && line.text.unicodeScalars.allSatisfy { "*~•·#=_+—–-⁂❧§ \u{00A0}".unicodeScalars.contains($0) }
    }

    /// A picture's place-holder on a line of its own: `[Illustration]`, `[Illustration: caption]`.
    static func isPicture(_ line: SourceLine) -> Bool {
        line.text.hasPrefix("[Illustration") && Illustration.caption(line.text) != nil
    }

    /// A group of one short line that is a division's number and nothing else (`II`, `12`, `Part One`).
    static func isLoneNumber(_ group: LineGroup) -> Bool {
        group.lines.count == 1 && group.lines[0].length <= 16 && HeadingPattern.match(group.lines[0].text)?.bareNumber == true
    }

    /// A line that is only a web address.
    static func isStrayURL(_ line: SourceLine) -> Bool {
        (line.text.hasPrefix("http://") || line.text.hasPrefix("https://")) && !line.text.contains(" " as Character)
    }

    /// Whether `line` begins a new paragraph after `previous`, separated by `blanks` blank lines and maybe a page break.
    /// `following` is the text line right after `line`, if any; `opening`, the first line of the group `previous` ends,
    /// `openingSetApart` whether blank lines stand before it that are no page's gap, `groupReach` the widest reach of its lines,
    /// `underNumber` whether the group right before it is a number standing alone.
    func startsParagraph(_ line: SourceLine, after previous: SourceLine, blanks: Int, pageBreak: PageBreak?, standsAlone: Bool = false,
                         following: SourceLine? = nil, opening: SourceLine? = nil, openingSetApart: Bool = false, groupReach: Int = 0,
                         underNumber: Bool = false) -> Bool {
        let measure = Double(profile.measure)
        let previousOpens = opening.map { $0.number == previous.number } ?? false
        let previousEnds = previous.endsSentence || Self.introducesSpeech(previous, line)
        // Where paragraphs open with an indent, a block set apart by blank lines with every line set in as deep (a
        // quotation) fills a measure narrowed by its indent: a sentence's end falls short of it by the line's reach, the
        // indent and the text together.
        let inSetInBlock = profile.indentMark && openingSetApart && blanks == 0
            && opening.map { $0.leadingSpaces > 0 && $0.leadingSpaces == previous.leadingSpaces } == true && line.leadingSpaces == previous.leadingSpaces
        // In such a block, a line that opens something of its own: an item, a note, a contents row (a column gap), a
        // named division, a speech after one that closed.
        let opensOwn = inSetInBlock && (Self.opensItemOrNote(line)
            || line.text.contains("   ") || HeadingPattern.opensWithKeyword(line.text)
            || ParagraphEndOdds.opensQuote(line) && (ParagraphEndOdds.endsInQuote(previous) || previous.text.last.map(Self.isDash) == true))
        let previousLength = Double(previous.length)
        let previousReach = previousLength + Double(inSetInBlock ? previous.leadingSpaces : 0)
        // A full line's reach: four fifths of the measure, or in a set-in block of its own, wrapped narrower, of the widest of
        // its lines (though never under four fifths of that again).
        let fullReach = 0.8 * (inSetInBlock ? max(Double(groupReach), 0.8 * measure) : measure)
        // A picture's place-holder (`[Illustration]`) stands alone.
        if Self.isPicture(line) || Self.isPicture(previous) { return true }
        // A title-cased line right under a number standing alone, ending no sentence, is the number's title up to the
        // measure (`II` / `The Communist Dictatorship and the Russian Revolution`): the text opens under it.
        // (Not a line in capitals: a paragraph's opening words set in small capitals; nor over a title-cased line: the
        // title wrapped onto it, `… Species and Their Restricted` / `Ranges`.)
        if underNumber, !previousEnds, ParagraphEndOdds.startsSentence(line), TextShape.titleCaseRatio(previous.text) >= 0.8,
           previousLength <= measure, !TextShape.isAllCaps(previous.text), TextShape.titleCaseRatio(line.text) < 0.8 {
            return true
        }
        if profile.layout == .linePerParagraph {
            // Lines set in one under another, wrapped far narrower than the paragraphs' lines, are a display wrapped as
            // a block (a quotation, a stanza), unless each opens an item or a note.
            let opensItem = Self.opensItemOrNote(line)
            if blanks == 0, line.leadingSpaces >= 2, previous.leadingSpaces >= 2, previousLength < 0.5 * measure, !opensItem { return false }
            if opensItem { return true }
            // A line broken in mid-sentence (by a page break or a stray blank) runs on; after a blank line,
            // an opening quotation mark or parenthesis starts a quotation or a citation, not a continuation.
            let opens = blanks == 1 && line.text.first.map { "“\"‘(".contains($0) } == true
            return !(blanks <= 1 && !previousEnds && !opens && line.startsLowercase && !Self.isStrayURL(line))
        }
        // A scene break (`***`) stands alone.
        if Self.isOrnament(line) || Self.isOrnament(previous) { return true }
        // Where blank lines mark paragraphs, lines set in (a quotation's, a poem's) go on without one, and so does a
        // line after a long one, unless it opens an item or a note.
        if marksParagraphs, blanks == 0, line.leadingSpaces > 0 { return false }
        if marksParagraphs, blanks == 0, previousLength >= 0.6 * measure, !Self.opensItemOrNote(line) { return false }
        // A block set apart and set in (a stanza, a quotation) goes on over a line that ends no sentence, however short,
        // when the block goes on set in under it (a letter's salutation, then its first paragraph, does not).
        if pageBreak == nil, inSetInBlock, !previousEnds, !opensOwn, following.map({ $0.leadingSpaces == line.leadingSpaces }) ?? true { return false }
        if pageBreak != nil {
            // Where an indent opens paragraphs, a line set in by it after a flush one opens one across the page break too
            // (a title at a page's foot, then its first paragraph).
            if profile.indentMark, previous.leadingSpaces == 0, line.leadingSpaces == profile.paragraphIndent,
               !line.startsLowercase { return true }
            // A long line broken off in mid-sentence (`…and the Petrograd` / `District.`) goes on after the page break
            // where the text does, in lower case or in a sentence, however many blank lines the page's gap has.
            // (Not where the next line opens an item or a note, nor after a line its trailing spaces end.)
            let brokenOff = previous.text.last.map { $0.isLetter || $0 == "," } == true && previousLength >= 0.6 * measure
                && !(profile.trailingSpaceMark && previous.trailingSpaces >= 2)
            let opensItem = Self.opensItemOrNote(line)
            if brokenOff, !opensItem, line.startsLowercase || line.endsSentence && line.text.contains(where: \.isLowercase) { return false }
            if marksParagraphs { return blanks > 0 }
            // A short scrap standing alone after a finished sentence, ending none (a logo's `a\k press`), goes on with nothing.
            if line.startsLowercase { return previousEnds && standsAlone && !line.endsSentence && Double(line.length) < 0.2 * measure }
            // A short line standing alone after a page break opens something new (a heading).
            if standsAlone && Double(line.length) < 0.6 * measure { return true }
            // A line set further in than the text after the page break (a centred title at a page's foot) ends there.
            if previousOpens, !previousEnds, previous.leadingSpaces >= 6, line.leadingSpaces + 4 <= previous.leadingSpaces { return true }
            if !previousEnds && previousLength >= 0.6 * measure && !(profile.trailingSpaceMark && previous.trailingSpaces >= 2) && !opensItem { return false }
            // Where paragraphs open with an indent, a full flush line after a full one goes on with the paragraph, unless
            // both open numbered items (the next note of a list set with hanging indents), or it stands alone after a
            // finished sentence and ends none (a long title).
            if profile.indentMark, line.leadingSpaces == 0, Double(line.length) >= 0.8 * measure, previousLength >= 0.8 * measure,
               !(previousEnds && Self.opensNumberedItem(line) && opening.map(Self.opensNumberedItem) == true),
               !(previousEnds && standsAlone && !line.endsSentence) { return false }
            return true
        }
        let separated = profile.layout == .doubleSpaced ? blanks >= 2 : blanks >= 1
        if separated {
            // A stray blank line inside a sentence.
            // (Two short lines apart, such as a title and an OCR'd byline "lain McKay", stay apart; so does a quotation
            // set in deeper than the line over it, that goes on with its sentence.)
            let long = previousLength >= 0.6 * measure || Double(line.length) >= 0.6 * measure
            return !(!previousEnds && line.startsLowercase && long && line.leadingSpaces <= previous.leadingSpaces + 1)
        }
        // Inside a numbered item set with a hanging indent (`2. Here we …` / `  let. In the …`), a line set in as deep as
        // the one before goes on with it where it opens no sentence after one: it runs on, or signs the item (`  —Emma Sweeney`).
        if let opening, !previousOpens, Self.opensNumberedItem(opening), opening.leadingSpaces < previous.leadingSpaces,
           line.leadingSpaces == previous.leadingSpaces, !previousEnds || line.startsLowercase || line.text.first.map(Self.isDash) == true { return false }
        if profile.indentMark, previousEnds, line.leadingSpaces > 0, previous.leadingSpaces == 0 { return true }
        // A paragraph of one line, then another indented as it is (`    “But I was embarrassed.”`); in a block quote
        // indented as deep, a sentence ends a line further on.
        // (Not a full first line of a block set apart whose next line runs on into one set in as deep: a quotation's.)
        let quotationGoesOn = inSetInBlock && previousReach >= fullReach && !line.endsSentence && !opensOwn && !ParagraphEndOdds.opensQuote(line)
            && following?.leadingSpaces == line.leadingSpaces
        if profile.indentMark, previousEnds, previousOpens, line.leadingSpaces > 0, line.leadingSpaces == previous.leadingSpaces, !quotationGoesOn { return true }
        // A first line set in between flush ones after a sentence's end is a paragraph's indent, however rare indents
        // are in the document (prose among verse, whose set-in lines run on set in).
        if previousEnds, previous.leadingSpaces == 0, (1...8).contains(line.leadingSpaces), following?.leadingSpaces == 0,
           ParagraphEndOdds.startsSentence(line) { return true }
        // A line far longer than the measure was never wrapped: it is a paragraph of its own (prose among verse).
        if previousEnds, previousLength > 2.5 * measure, !line.startsLowercase { return true }
        // A line that starts in lower case continues what stands before it, unless that is very short; a short scrap
        // with no sentence's end before a full line (`mar‐` / `ried on …`, `stout` / `hazel stick …`: a line the
        // extraction broke) is no verse's line either.
        let brokenScrap = !previousEnds && previous.leadingSpaces == 0 && line.leadingSpaces == 0 && Double(line.length) >= 0.8 * measure
        if line.startsLowercase, previousLength >= 0.5 * measure || brokenScrap, ListMarker.parse(line.text) == nil { return false }
        if profile.trailingSpaceMark, previous.trailingSpaces >= 2, previousEnds || previousLength < 0.8 * measure { return true }
        // In a text wrapped at a fixed width, a flush sentence's end with room left for the next line's first word
        // ended by choice; one without ended by force, however short (a long word followed). (A line of verse that
        // ends in no full stop leaves room too: it is left to the rules below.)
        var forced = false
        if let width = profile.wrapWidth, previousEnds, previous.leadingSpaces == 0, !FixedWrap.breaksAfterDash(previous) {
            if FixedWrap.leavesRoom(previous, for: line, width: width) { return true }
            forced = true
        }
        // In a text wrapped at a width, a note or an item opened by its number (`[2] Here …`, `2. Here …`) runs on over a
        // sentence whose line left no room for the next word, whatever the document's habit at such ends (a play's).
        if forced, let opening, Self.opensWithBracketedNumber(opening) || Self.opensNumberedItem(opening), Double(line.length) >= 0.6 * measure,
           line.leadingSpaces == opening.leadingSpaces, ListMarker.parse(line.text) == nil, !Self.opensWithBracketedNumber(line) { return false }
        // Without a mark of its own (an indent, trailing spaces), a justified text ends a paragraph on a sentence
        // whose line is shorter than its lines inside paragraphs usually are.
        let floor = profile.indentMark || profile.trailingSpaceMark ? 0 : Double(profile.fullLineFloor ?? 0)
        if previousEnds, !forced, previousReach < fullReach || (profile.endOdds.map { $0.fallsShort(previous) } ?? (previousLength < floor)) { return true }
        // In justified text only a paragraph's last line falls short of the floor: a short title over its text.
        if profile.layout == .hardWrapped, floor > 0, !forced, previousOpens, previousLength < 0.85 * floor, ParagraphEndOdds.startsSentence(line) { return true }
        if previousEnds, let odds = profile.endOdds, ParagraphEndOdds.startsSentence(line) {
            // Where the characters' widths are known, the next word's fitting says it, when it is clear.
            if let widths = profile.fittedWidths, let breaks = widths.breaks(after: previous, previousOpens: previousOpens, line: line, following: following) {
                return breaks
            }
            return odds.startsParagraph(line, after: previous, following: following)
        }
        // A justified text too short to learn its habits from: a sentence's end with clear room for the next line's first
        // piece ended its paragraph by choice. (Lines at the margin only: the measure is theirs.)
        if previousEnds, !forced, previous.leadingSpaces == 0, line.leadingSpaces == 0, let room = profile.bookFaceMeasure,
           ParagraphEndOdds.startsSentence(line),
           room.leavesRoom(after: previous, for: line, previousOpens: previousOpens) { return true }
        if profile.layout != .blankLineSeparated, !forced, previousLength < 0.6 * measure { return true }
        // Where markers are set off by a space, a number in brackets opening a line under a full one is a marker the wrap
        // carried over (`… this responsibility.` / `[209] And finally`), unless it is a first note or a list's next (a
        // notes title's short line is no full one); where an indent opens paragraphs, a carried marker stands flush.
        let carriedMarker = profile.setOffMarkers && previousLength >= 0.6 * measure && (!profile.indentMark || line.leadingSpaces == 0)
            && Self.numberInBrackets(opening: line).map { $0.value != 1 } == true && opening.flatMap(Self.numberInBrackets(opening:)) == nil
        let opensItem = Self.opensItemOrNote(line) && !carriedMarker
        if previousEnds, opensItem, !(line.text.first?.isNumber == true && Self.endsInCitationWord(previous.text)) { return true }
        // A short title, then the first of its notes or items right under it (`NOTES` / `1. Like the river …`); in
        // other layouts than blank-line ones the short line has ended its paragraph above.
        if previousOpens, !previousEnds, previousLength < 0.3 * measure, opensItem, !Self.endsInCitationWord(previous.text) { return true }
        // A hanging indent (a numbered note or item, its other lines set in): a number back at the margin is the next one.
        if line.leadingSpaces < previous.leadingSpaces, let opening, opening.leadingSpaces == line.leadingSpaces, line.text.first?.isNumber == true,
           ListMarker.parse(line.text)?.ordered == true, ListMarker.parse(opening.text)?.ordered == true { return true }
        return false
    }
}
