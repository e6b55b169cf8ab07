import BinderyModel

/// The body of the proof: every source line exactly once, numbered, with what became of it.
struct ProofLines {
    var document: Document
    var map: LineMap
    var sourceLines: [String]

    func write(_ html: HTMLElements) {
        var diagnosticsByLine: [Int: [Diagnostic]] = [:]
        for diagnostic in document.diagnostics {
            if let line = diagnostic.line { diagnosticsByLine[line, default: []].append(diagnostic) }
        }
        html.element("main", ["id": "source"]) {
            html.element("h2", text: "Source, line by line")
            for (index, text) in sourceLines.enumerated() {
                let line = index + 1
                let marks = map.marks[index]
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
