import BinderyXML
import Foundation

/// `/`: one HTML page listing every document (failed ones first) with its state, its last conversion,
/// its outputs and its proof. Self-contained (inline CSS, no script).
struct IndexPage {
    let entries: [LibraryEntry]
    /// The daemon's state (`running`, `draining`), shown in the heading.
    let phase: String

    private static let style = """
        body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}tr.failed td{background:#fdecea}tr.deleted td{color:#888}
        .state{font-weight:600}.failed .state{color:#b3261e}.error{font-size:13px;color:#b3261e;white-space:pre-wrap}
        .path{font-family:ui-monospace,monospace;font-size:13px}a{margin-right:.6rem}
        """

    func render() throws(XMLError) -> [UInt8] {
        let html = try XMLWriter()
        html.startElement("html")
        html.attribute("lang", "en")
        html.startElement("head")
        html.element("meta", ["charset": "utf-8"])
        html.element("title", text: "Bindery library")
        html.element("style", text: Self.style)
        html.endElement()
        html.startElement("body")
        html.element("h1", text: "Bindery library")
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.document.state.rawValue, default: 0] += 1 }
        let summary = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
        html.startElement("p")
        html.text("\(entries.count) documents\(summary.isEmpty ? "" : ": \(summary)"); daemon \(phase). ")
        html.element("a", ["href": "/opds"], text: "OPDS catalog")
        html.element("a", ["href": "/metrics"], text: "metrics")
        html.fullEndElement()
        html.startElement("table")
        html.startElement("thead")
        html.startElement("tr")
        for heading in ["Document", "Title", "State", "Last conversion", "Outputs", "Proof"] { html.element("th", text: heading) }
        html.endElement()
        html.endElement()
        html.startElement("tbody")
        for entry in entries { row(html, entry) }
        html.fullEndElement()
        html.endElement()
        html.endElement()
        html.endElement()
        return Array("<!DOCTYPE html>\n".utf8) + (try html.finish())
    }

    private func row(_ html: XMLWriter, _ entry: LibraryEntry) {
        let document = entry.document
        html.startElement("tr")
        html.attribute("class", document.state.rawValue)
        html.attribute("id", "d-\(entry.id)")
        cell(html, "path") { html.text(document.path) }
        cell(html) { html.text(entry.title) }
        cell(html) {
            html.element("span", ["class": "state"], text: document.state.rawValue)
            if let error = document.error, document.state == .failed { html.element("div", ["class": "error"], text: error) }
        }
        cell(html) {
            if let job = entry.lastJob {
                html.text("\(UTCTimestamp.string(job.finishedAt)) — \(job.outcome.rawValue) (\(job.trigger), \(Int(((job.finishedAt - job.startedAt) * 1000).rounded())) ms)")
            }
        }
        cell(html) {
            for kind in [DownloadKind.epub, .tei, .bag] {
                guard let output = entry.outputs[kind.format] else { continue }
                html.element("a", ["href": kind.path(of: entry.id), "title": "\(output.size) bytes"], text: kind.rawValue.uppercased())
            }
        }
        cell(html) { if entry.outputs[.proof] != nil { html.element("a", ["href": DownloadKind.proof.path(of: entry.id)], text: "proof") } }
        html.endElement()
    }

    /// A `<td>` with a full end tag even when empty (HTML has no `<td/>`).
    private func cell(_ html: XMLWriter, _ className: String? = nil, _ body: () -> Void) {
        html.startElement("td")
        if let className { html.attribute("class", className) }
        body()
        html.fullEndElement()
    }
}
