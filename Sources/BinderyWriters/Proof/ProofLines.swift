import BinderyModel

/// The body of the proof: every source line exactly once, numbered, with what became of it; when
/// a huge source (over `lineLimit` lines), only the lines with a heading, a sidecar's decision or a diagnostic.
struct ProofLines {
    var document: Document
    var map: LineMap
    var sourceLines: [String]
    var lineLimit = ProofWriter.defaultLineLimit

    func write(_ html: HTMLElements) {
        var diagnosticsByLine: [Int: [Diagnostic]] = [:]
        for diagnostic in document.diagnostics {
            if let line = diagnostic.line { diagnosticsByLine[line, default: []].append(diagnostic) }
        }
        html.element("main", ["id": "source"]) {
            html.element("h2", text: "Source, line by line")
            let summarised = sourceLines.count > lineLimit
            if summarised {
                html.element("p", ["class": "summarised"], text: "This source has \(sourceLines.count) lines, over the proof's limit of \(lineLimit): only the lines with a heading, a decision of the sidecar or a diagnostic are shown.")
            }
            for (index, text) in sourceLines.enumerated() {
                let line = index + 1
                let marks = map.marks[index]
                if summarised, diagnosticsByLine[line] == nil, !marks.contains(where: { $0.category == "heading" || $0.bySidecar }) { continue }
                let category = marks.first?.category ?? "none"
                let sidecar = marks.contains(where: \.bySidecar) ? " by-sidecar" : ""
                html.element("div", ["class": "l k-\(category)\(sidecar)", "id": "L\(line)", "data-category": category]) {
                    html.element("a", ["class": "n", "href": "#L\(line)"], text: "\(line)")
                    html.element("span", ["class": "src"], text: text == "\u{0C}" ? "␌ (form feed)" : text)
                    html.element("span", ["class": "what"]) {
                        for (position, mark) in marks.enumerated() {
                            if position > 0 { html.xml.text(" · ") }
                            html.element("span", ["class": "m-\(mark.category)"], text: mark.label)
                            if let target = mark.link { html.xml.text(" "); html.element("a", ["href": "#L\(target)"], text: "line \(target)") }
                            if mark.bySidecar { html.xml.text(" "); html.element("b", ["class": "sidecar"], text: "by sidecar") }
                        }
                    }
                }
                for diagnostic in diagnosticsByLine[line] ?? [] {
                    html.element("div", ["class": "diag \(diagnostic.severity.rawValue)"], text: "\(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)")
                }
            }
        }
    }
}
