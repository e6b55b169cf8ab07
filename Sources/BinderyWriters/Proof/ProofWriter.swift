import BinderyModel
import BinderyXML

/// The proof: one self-contained HTML page with the source line by line beside what became of each
/// line, the outline, the counts and every diagnostic, so that a wrong decision is seen and fixed.
public struct ProofWriter: DocumentWriter {
    /// Sources of more lines than this get a summarised line view (`ProofLines`): 100,000 lines is about
    /// 6 MB of text, whose full proof is some 25 MB (the proof of a 50 MB source was 198 MB).
    public static let defaultLineLimit = 100_000
    private let lineLimit: Int

    public init(lineLimit: Int = Self.defaultLineLimit) {
        self.lineLimit = lineLimit
    }

    /// The proof needs the source lines: `context.sourceLines` (the converter sets them for this format).
    public func write(_ document: Document, context: WriteContext) throws(WriterError) -> [UInt8] {
        guard let lines = context.sourceLines else { throw WriterError(format: "proof", "the source lines were not given") }
        return try write(document, sourceLines: lines)
    }

    /// - Parameter sourceLines: the decoded source lines (line 1 first), as the reader numbered them.
    public func write(_ document: Document, sourceLines: [String]) throws(WriterError) -> [UInt8] {
        do {
            let xml = try XMLWriter()
            xml.raw("<!DOCTYPE html>\n")
            let html = HTMLElements(xml: xml)
            let blank = sourceLines.indices.filter { sourceLines[$0] == "\u{0C}" || sourceLines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 }
            let map = LineMap(document: document, lineCount: sourceLines.count, quiet: Set(blank))
            let title = document.metadata.displayTitle(fallback: document.source?.fileName ?? "Document")
            html.open("html", ["lang": LanguageTag.sanitized(document.metadata.language)])
            html.open("head")
            html.void("meta", ["charset": "utf-8"])
            html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            html.element("title", text: "Proof: \(title)")
            html.rawTextElement("style", ProofStyle.css)
            html.close()
            html.open("body")
            ProofSummary(document: document, map: map, lineCount: sourceLines.count).write(html, title: title)
            ProofLines(document: document, map: map, sourceLines: sourceLines, lineLimit: lineLimit).write(html)
            html.rawTextElement("script", ProofStyle.script)
            html.close()
            html.close()
            return try xml.finish()
        } catch {
            throw WriterError(format: "proof", "\(error)")
        }
    }
}

/// HTML5 through libxml2's writer: full end tags for every non-void element.
struct HTMLElements {
    let xml: XMLWriter

    func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml.startElement(name)
        for (key, value) in attributes { xml.attribute(key, value) }
    }

    func close() { xml.fullEndElement() }

    func void(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml.startElement(name)
        for (key, value) in attributes { xml.attribute(key, value) }
        xml.endElement()
    }

    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        xml.text(text)
        close()
    }

    /// `<style>` and `<script>` hold raw text in HTML (entities are not decoded there): our own constants only.
    func rawTextElement(_ name: String, _ constant: StaticString) {
        open(name)
        xml.raw(constant.description)
        close()
    }

    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], body: () -> Void) {
        open(name, attributes)
        body()
        close()
    }
}
