import BinderyModel

/// The top of the proof: metadata, counts, outline and diagnostics, each linked to its line.
struct ProofSummary {
    var document: Document
    var map: LineMap
    var lineCount: Int

    func write(_ html: HTMLElements, title: String) {
        html.element("header") {
            html.element("h1", text: "Proof: \(title)" + (document.metadata.subtitle.map { ": \($0)" } ?? ""))
            let metadata = document.metadata
            let people = metadata.creators + metadata.contributors
            html.element("p", ["class": "meta"], text: [
                people.isEmpty ? nil : people.map { "\($0.name) (\($0.roleLabel))" }.joined(separator: ", "),
                "language \(metadata.language)", document.source.map { "\($0.fileName), \($0.byteCount) bytes, SHA-256 \($0.sha256)" },
            ].compactMap { $0 }.joined(separator: " · "))
        }
        html.element("section", ["id": "counts"]) {
            html.element("h2", text: "Counts")
            html.element("ul") {
                for (label, value) in counts() { html.element("li", text: "\(label): \(value)") }
            }
        }
        html.element("nav", ["id": "outline"]) {
            html.element("h2", text: "Outline")
            html.element("ol") {
                for case .heading(let heading) in document.blocks {
                    let line = heading.info.source?.firstLine
                    html.element("li", ["class": "level-\(min(heading.level, 6))"]) {
                        html.element("a", ["href": line.map { "#L\($0)" } ?? "#"], text: "\(heading.inlines.plainText) ")
                        html.element("span", ["class": "what"], text: "\(heading.level) · \(heading.kind.rawValue)" + (line.map { " · line \($0)" } ?? "")
                            + (heading.info.attributes.isDecidedBySidecar ? " · by sidecar" : ""))
                    }
                }
            }
        }
        html.element("section", ["id": "diagnostics"]) {
            html.element("h2", text: "Diagnostics (\(document.diagnostics.count))")
            html.element("ul") {
                for diagnostic in document.diagnostics {
                    html.element("li", ["class": "diag \(diagnostic.severity.rawValue)"]) {
                        if let line = diagnostic.line { html.element("a", ["href": "#L\(line)"], text: "line \(line)") }
                        html.xml.text(" \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)")
                    }
                }
            }
            if !document.editorial.isEmpty {
                html.element("h2", text: "Editorial decisions")
                html.element("ul") {
                    for note in document.editorial { html.element("li", text: "\(note.category.rawValue): \(note.text)") }
                }
            }
        }
        legend(html)
        howToFix(html)
    }

    private func counts() -> [(String, String)] {
        var headings: [Int: Int] = [:], paragraphs = 0, notes = 0, unmatched = 0
        func inlineNotes(_ inlines: [Inline]) {
            for inline in inlines {
                if case .note = inline { notes += 1 }
            }
        }
        for block in document.blocks {
            switch block {
            case .heading(let heading): headings[heading.level, default: 0] += 1; inlineNotes(heading.inlines)
            case .paragraph(let inlines, let info):
                paragraphs += 1
                inlineNotes(inlines)
                if info.attributes.classes.contains("note-unmatched") { unmatched += 1 }
            default: break
            }
        }
        var decisions: [LineDecision.Kind: Int] = [:]
        for decision in document.lineDecisions { decisions[decision.kind, default: 0] += 1 }
        let layout = document.diagnostics.first { $0.code == "layout.paragraphs" }?.message ?? "not recorded"
        let uncovered = (1...max(1, lineCount)).filter { !map.isCovered($0) }.count
        let bySidecar = map.marks.count { $0.contains(where: \.bySidecar) }
        return [
            ("source lines", "\(lineCount)"), ("pages", pages()),
            ("paragraphs", "\(paragraphs); \(layout)"),
            ("headings", headings.keys.sorted().map { "level \($0): \(headings[$0]!)" }.joined(separator: ", ").ifEmpty("none")),
            ("notes", "\(notes) linked to their markers, \(unmatched) without a marker"),
            ("end-of-line hyphens", "\(decisions[.hyphenJoined] ?? 0) joined, \(decisions[.hyphenKept] ?? 0) kept, \(decisions[.compoundRestored] ?? 0) compound hyphens put back"),
            ("lines taken out of the reading text", "\(decisions[.runningHeadRemoved] ?? 0) running heads, \(decisions[.pageNumberRemoved] ?? 0) page numbers\((decisions[.strayMarkRemoved] ?? 0) > 0 ? ", \(decisions[.strayMarkRemoved] ?? 0) stray mark(s)" : "") (kept as page breaks)"),
            ("lines decided by the sidecar", "\(bySidecar)"),
            ("lines outside any block (blank)", "\(uncovered)"),
        ]
    }

    /// The pages of `PageNumbering`, and how many carry their printed number.
    private func pages() -> String {
        let numbering = PageNumbering(document: document)
        guard !numbering.pages.isEmpty else { return "1 (no page breaks found)" }
        return "\(numbering.pages.count), \(numbering.printedCount) with the number printed on them, the others numbered by inference"
    }

    /// A short guide to the sidecar, with a snippet built from this document's own lines.
    private func howToFix(_ html: HTMLElements) {
        let sidecar = (document.source.map { String($0.fileName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")) } ?? "book") + ".meta.yaml"
        let headingLine = document.blocks.lazy.compactMap { block -> Int? in
            if case .heading(let heading) = block { return heading.info.source?.firstLine } else { return nil }
        }.first ?? 1
        html.element("section", ["id": "fix"]) {
            html.element("h2", text: "How to fix a decision")
            html.element("p", text: "Every decision above was inferred from the text alone. When one is wrong, do not edit the e-book: write the right "
                + "answer in a small YAML file named \(sidecar), next to the source. Bindery reads it with the source, converts the document again as "
                + "soon as the file is saved, and marks every line it decided with a red bar in this proof. For example:")
            html.element("pre", text: """
                title: \(Self.yamlQuoted(document.metadata.title ?? "The Title"))        # the book's title, when the one shown above is wrong
                author: [\(Self.yamlQuoted(document.metadata.creators.first?.name ?? "First Author"))]
                structure:
                  headings:
                    - {line: \(headingLine), level: 1}       # make this source line a heading, at level 1
                  not-headings: [{line: \(headingLine + 1)}]   # this line is not a heading
                  paragraphs: wrapped                 # blank | indent | wrapped | line | double: how paragraphs are marked
                """)
            html.element("p", text: "A warning above that names a key (title, author) tells which line of this file settles it.")
        }
    }

    /// A YAML double-quoted scalar: safe whatever the text holds (`:`, `#`, `,`).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func legend(_ html: HTMLElements) {
        html.element("section", ["id": "legend"]) {
            html.element("h2", text: "Legend and filter")
            html.element("p") {
                for (category, meaning) in [("heading", "heading"), ("paragraph", "paragraph start"), ("join", "joined line"), ("page", "page break, furniture removed"),
                                            ("note", "note text"), ("quote", "block quote"), ("list", "list"), ("verse", "verse"), ("scene", "scene break"), ("figure", "figure"), ("none", "blank or outside the text")] {
                    html.element("label", ["class": "k-\(category)"]) {
                        html.void("input", ["type": "checkbox", "checked": "checked", "data-category": category])
                        html.xml.text(" \(meaning) ")
                    }
                }
            }
            html.element("p", text: "A line shows every decision about it, first the block it belongs to, then end hyphens joined or kept and note markers "
                + "(linked to their note texts, which link back). A red bar marks a line decided by the sidecar (see \u{201C}How to fix a decision\u{201D}) "
                + "rather than inferred.")
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
