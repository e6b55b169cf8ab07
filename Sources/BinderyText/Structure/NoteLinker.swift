import BinderyModel

/// Stage 6c: matches note markers to note texts by number and order, and puts each note at its marker.
struct NoteLinker: Sendable {
    private struct Candidate {
        var group: Int
        /// Index of the text inline; -1 for a paragraph that is only the number.
        var inline: Int
        var marker: NoteMarkerScanner.Marker

        /// Where the marker is: group, inline and scalar offset.
        var key: Key { Key(group: group, inline: inline, offset: marker.range.lowerBound) }
    }

    private struct Key: Hashable {
        var group: Int
        var inline: Int
        var offset: Int
    }

    struct Outcome: Sendable {
        /// Note inline to put at (group, inline, marker range).
        var matchedGroups: Set<Int> = []
        var linked = 0
        var diagnostics: [Diagnostic] = []
        /// The line of each linked marker, pointing at its note text.
        var markers: [LineDecision] = []
    }

    /// The note markers in each text inline of a group (by inline index).
    typealias GroupMarkers = [(inline: Int, markers: [NoteMarkerScanner.Marker])]

    /// The markers of every group, found ahead of linking (`link` finds those it needs itself when not given them).
    static func markers(in inlines: [[Inline]]) -> [GroupMarkers] {
        inlines.map(markers)
    }

    private static func markers(in inlines: [Inline]) -> GroupMarkers {
        let scanner = NoteMarkerScanner()
        return inlines.enumerated().compactMap { position, inline in
            guard case .text(let text) = inline else { return nil }
            return (position, scanner.scan(text))
        }
    }

    /// Links notes in place: `inlines[g]` get `.note` inlines; matched note groups are listed in the outcome.
    /// `markers`, when given, are `markers(in: inlines)`.
    func link(runs: [NoteTextFinder.Run], groups: [LineGroup], roles: inout [GroupRole], inlines: inout [[Inline]], markers: [GroupMarkers]? = nil) -> Outcome {
        var outcome = Outcome()
        var placements: [Int: [(inline: Int, range: Range<Int>, note: Note)]] = [:]
        var regionStart = 0
        // Markers taken, by runs of every kind: a marker is one note's.
        var used: Set<Key> = []
        // Star notes look back over groups already scanned: each group's markers are found once.
        var markersByGroup: [GroupMarkers?] = markers ?? Array(repeating: nil, count: groups.count)
        // A run that restarts at 1 right after another (one notes section, numbered per chapter) continues
        // in the same text, after the markers the run before it took.
        var previousRun: (start: Int, end: Int, lastMarker: Key?, lastNumber: Int)?
        for run in runs {
            let isStar = run.numbers.first == "*" || run.numbers.first == "†"
            let lookBack = isStar || run.isFootnoteBlock
            var start = lookBack ? max(0, run.groups[0] - 400) : regionStart
            var floor: Key?
            // So does a run that carries the numbering of the one before it on (a page break, a column of numbers).
            if !lookBack, let previous = previousRun, run.groups[0] - previous.end <= 4,
               run.numbers.first == "1" || Int(run.numbers[0]).map({ $0 == previous.lastNumber + 1 }) == true {
                start = previous.start
                floor = previous.lastMarker
            }
            var candidates: [Candidate] = []
            for group in min(start, run.groups[0])..<run.groups[0] where floor.map({ group >= $0.group }) ?? true {
                switch roles[group] {
                case .paragraph, .heading, .listItem, .byline, .absorbed: break
                default: continue
                }
                if case .paragraph = roles[group], let number = Self.numberParagraph(groups[group]), group > start {
                    let candidate = Candidate(group: group, inline: -1, marker: .init(range: 0..<0, number: Int(number)))
                    if !used.contains(candidate.key) { candidates.append(candidate) }
                    continue
                }
                if markersByGroup[group] == nil { markersByGroup[group] = Self.markers(in: inlines[group]) }
                for (position, markers) in markersByGroup[group]! {
                    for marker in markers where marker.star == isStar {
                        let candidate = Candidate(group: group, inline: position, marker: marker)
                        if used.contains(candidate.key) { continue }
                        if let floor, (candidate.key.group, candidate.key.inline, candidate.key.offset) <= (floor.group, floor.inline, floor.offset) { continue }
                        candidates.append(candidate)
                    }
                }
            }
            // Notes printed `[n] text` answer to markers printed `[n]`, where the text has them; so do `(n) text` to `(n)`,
            // and only they (a number in parentheses is more often an item's).
            let bracket = groups[run.groups[0]].lines[0].text.unicodeScalars.first.flatMap { $0 == "[" || $0 == "(" ? $0 : nil }
            if !isStar, let bracket, bracket == "(" || candidates.contains(where: { $0.marker.bracket == bracket }) {
                candidates.removeAll { $0.marker.bracket != bracket }
            }
            if bracket != "(" { candidates.removeAll { $0.marker.bracket == "(" } }
            var assignment: [(Candidate, Int)] = []
            if isStar {
                if let last = candidates.last {
                    assignment = [(last, 0)]
                }
            } else if run.isFootnoteBlock {
                // The nearest `[n]` before the block that no other block took.
                let number = Int(run.numbers[0])
                if let last = candidates.last(where: { $0.marker.number == number && !$0.marker.weak }) {
                    assignment = [(last, 0)]
                }
            } else {
                let numbers = run.numbers.map { Int($0) ?? -1 }
                // Where most markers show their number, an OCR wildcard (`I’m` read as a stray `m`) is no marker.
                let printed = align(candidates.filter { !$0.marker.weak && $0.marker.number != nil }, numbers)
                let numbered = printed.count * 2 > numbers.count
                let strong = numbered ? printed : align(candidates.filter { !$0.marker.weak }, numbers)
                assignment = strong
                if strong.count < numbers.count {
                    let all = align(numbered ? candidates.filter { $0.marker.number != nil } : candidates, numbers)
                    if all.count > strong.count { assignment = all }
                }
                previousRun = (floor == nil ? regionStart : start, max(run.groups.last!, run.continuations[run.groups.count - 1]?.max() ?? 0),
                               assignment.map(\.0.key).max { ($0.group, $0.inline, $0.offset) < ($1.group, $1.inline, $1.offset) } ?? floor,
                               numbers.last ?? -1)
                regionStart = run.groups.last! + 1
            }
            let assignedPositions = Set(assignment.map { $0.0.key })
            used.formUnion(assignedPositions)
            let strays = candidates.filter { $0.marker.number != nil && !assignedPositions.contains($0.key) }
            if !isStar, !strays.isEmpty {
                outcome.diagnostics.append(Diagnostic(.info, code: "notes.unmatched-marker",
                    "\(strays.count) number(s) after punctuation look like note markers but match no note of the notes at line \(groups[run.groups[0]].firstLine); left in the text",
                    line: groups[strays[0].group].firstLine))
            }
            var matched: Set<Int> = []
            for (candidate, noteIndex) in assignment {
                let group = run.groups[noteIndex]
                let continuations = run.continuations[noteIndex] ?? []
                let note = Note(number: run.numbers[noteIndex],
                                blocks: noteBlocks(group: group, continuations: continuations, body: run.bodies[noteIndex], groups: groups, inlines: inlines,
                                                   closingBracket: run.isFootnoteBlock),
                                placement: isStar || run.isFootnoteBlock ? .foot : .end,
                                info: NodeInfo(source: groups[group].source))
                if candidate.inline < 0 {
                    roles[candidate.group] = .absorbed
                    let target = (0..<candidate.group).last { if case .paragraph = roles[$0] { true } else { false } } ?? candidate.group
                    placements[target, default: []].append((inlines[target].count, 0..<0, note))
                } else {
                    placements[candidate.group, default: []].append((candidate.inline, candidate.marker.range, note))
                }
                let markerLine = candidate.inline < 0 ? groups[candidate.group].firstLine
                    : Self.line(of: candidate, in: groups[candidate.group], inlines: inlines[candidate.group])
                outcome.markers.append(LineDecision(line: markerLine, kind: .noteMarker, detail: run.numbers[noteIndex], target: groups[group].firstLine))
                matched.insert(noteIndex)
                outcome.matchedGroups.insert(group)
                outcome.matchedGroups.formUnion(continuations)
            }
            for (noteIndex, group) in run.groups.enumerated() where !matched.contains(noteIndex) {
                outcome.diagnostics.append(Diagnostic(.warning, code: "notes.unmatched-text",
                    "note \(run.numbers[noteIndex]) has no marker in the text before it; kept as a paragraph", line: groups[group].firstLine))
            }
        }
        for (group, items) in placements {
            // Right to left, so earlier offsets stay valid.
            for item in items.sorted(by: { ($0.inline, $0.range.lowerBound) > ($1.inline, $1.range.lowerBound) }) {
                if item.inline >= inlines[group].count {
                    inlines[group].append(.note(item.note))
                    continue
                }
                guard case .text(let text) = inlines[group][item.inline] else { continue }
                let scalars = text.unicodeScalars
                let lower = scalars.index(scalars.startIndex, offsetBy: item.range.lowerBound)
                let upper = scalars.index(lower, offsetBy: item.range.count)
                let before = String(scalars[..<lower])
                let after = String(scalars[upper...])
                var replacement: [Inline] = []
                if !before.isEmpty { replacement.append(.text(before)) }
                replacement.append(.note(item.note))
                if !after.isEmpty { replacement.append(.text(after)) }
                inlines[group].replaceSubrange(item.inline...item.inline, with: replacement)
            }
            outcome.linked += items.count
        }
        return outcome
    }

    /// The text of a paragraph that is only a number (`TextShape.isNumber` of its `plainText`): one line, as
    /// the lines of a longer group join with spaces.
    static func numberParagraph(_ group: LineGroup) -> String? {
        guard group.lines.count == 1, TextShape.isNumber(group.lines[0].text) else { return nil }
        return group.lines[0].text
    }

    /// The source line a marker sits on: its offset in the joined text, counted along the group's lines,
    /// then the nearest line that shows its number (joins drop hyphens, so offsets drift a little).
    private static func line(of candidate: Candidate, in group: LineGroup, inlines: [Inline]) -> Int {
        var offset = candidate.marker.range.lowerBound
        for inline in inlines.prefix(candidate.inline) { if case .text(let text) = inline { offset += text.unicodeScalars.count } }
        var position = group.lines.count - 1
        var start = 0
        for (index, line) in group.lines.enumerated() {
            if offset < start + line.length + 1 { position = index; break }
            start += line.length + 1
        }
        guard let number = candidate.marker.number.map(String.init) else { return group.lines[position].number }
        for probe in [position, position - 1, position + 1] where group.lines.indices.contains(probe) {
            if group.lines[probe].text.contains(number) { return group.lines[probe].number }
        }
        return group.lines[position].number
    }

    /// Greedy alignment in reading order: printed numbers resynchronise, OCR wildcards take the next number.
    private func align(_ candidates: [Candidate], _ numbers: [Int]) -> [(Candidate, Int)] {
        var result: [(Candidate, Int)] = []
        var expected = 0
        for (position, candidate) in candidates.enumerated() {
            guard expected < numbers.count else { break }
            if let number = candidate.marker.number {
                // A number set off by a space (`returned, 150 years ago`) gives way to the same number glued to a word
                // before the next note's marker (`serfs150`).
                if candidate.marker.spaced, let found = numbers[expected...].prefix(4).firstIndex(of: number),
                   Self.gluedFollows(number, in: candidates[(position + 1)...], before: numbers.indices.contains(found + 1) ? numbers[found + 1] : nil) {
                    continue
                }
                if number == numbers[expected] {
                    result.append((candidate, expected)); expected += 1
                } else if candidate.marker.weak {
                    continue
                } else if let found = numbers[expected...].firstIndex(of: number), found - expected <= 3 {
                    result.append((candidate, found)); expected = found + 1
                } else if let skipped = numbers[max(0, expected - 3)..<expected].firstIndex(of: number),
                          !result.contains(where: { $0.1 == skipped }) {
                    // Printed out of order ("⁷ … ⁶"): a skipped note still finds its marker.
                    result.append((candidate, skipped))
                }
            } else {
                // A printed number just ahead claims this note; the wildcard is then not a marker.
                let ahead = candidates[(position + 1)...].prefix(2).contains { $0.marker.number == numbers[expected] }
                if !ahead { result.append((candidate, expected)); expected += 1 }
            }
        }
        return result
    }

    /// Whether a marker of `number`, glued to its word, comes among the next hundred `candidates` before one of `next`.
    private static func gluedFollows(_ number: Int, in candidates: ArraySlice<Candidate>, before next: Int?) -> Bool {
        for candidate in candidates.prefix(100) {
            if candidate.marker.number == number, !candidate.marker.spaced, !candidate.marker.weak { return true }
            if let next, candidate.marker.number == next { return false }
        }
        return false
    }

    private func noteBlocks(group: Int, continuations: [Int], body: String, groups: [LineGroup], inlines: [[Inline]], closingBracket: Bool = false) -> [Block] {
        // Page breaks stay where the note text was printed (the assembler keeps them there).
        // A number on a line of its own (`BareNumberNotes`) is not part of the note's text.
        var content = BareNumberNotes.number(groups[group], stopless: true) != nil && body.isEmpty ? []
            : BlockAssembler.dropping(prefixBefore: body, from: inlines[group]).withoutPageBreaks
        var source = groups[group].source
        for continuation in continuations {
            // The note ran on after a page break (the break itself stays where it was, between blocks).
            if !content.isEmpty { content.append(.text(" ")) }
            content += inlines[continuation].withoutPageBreaks
            source.lastLine = groups[continuation].lastLine
        }
        if closingBracket, let last = content.lastIndex(where: { if case .text = $0 { true } else { false } }),
           case .text(let text) = content[last], text.hasSuffix("]") {
            content[last] = .text(String(text.dropLast()))
        }
        return [.paragraph(content, NodeInfo(source: source))]
    }
}

extension String {
    /// The first place where `probe` occurs.
    func range(ofPrefixProbe probe: String) -> Range<String.Index>? {
        guard !probe.isEmpty else { return nil }
        return firstRange(of: probe)
    }
}
