import BinderyModel
import BinderyTestSupport
import BinderyWriters
import BinderyXML
import Foundation
import Testing

@Suite("HTML proof")
struct ProofWriterTests {
    private let lines = (1...12).map { "source line \($0) with <markup> & \"quotes\"" }

    private func proof() throws -> String {
        String(decoding: try ProofWriter().write(Fixtures.everyFeature, sourceLines: lines), as: UTF8.self)
    }

    @Test("every source line appears exactly once, numbered and escaped")
    func everyLineOnce() throws {
        let html = try proof()
        for number in 1...lines.count {
            #expect(html.components(separatedBy: "id=\"L\(number)\"").count - 1 == 1)
        }
        #expect(html.components(separatedBy: "class=\"src\"").count - 1 == lines.count)
        #expect(html.contains("source line 1 with &lt;markup&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("querySelectorAll('main .l[data-category=\"'"), "the script must not be escaped")
    }

    @Test("decisions are shown at their lines: heading, paragraph join, page break with what was removed")
    func decisions() throws {
        let html = try proof()
        #expect(html.contains("id=\"L3\" data-category=\"heading\""))
        #expect(html.contains("heading 1 · part"))
        #expect(html.contains("joined to the line above"))
        #expect(html.contains("id=\"L5\" data-category=\"paragraph\""))
        #expect(html.contains("data-category=\"join\""))
        #expect(html.contains("warning test.code: a message"))
        #expect(html.contains("href=\"#L4\""))
    }

    @Test("plain words: people with their roles, pages printed or inferred, and a how-to-fix box with a sidecar snippet on this book's lines")
    func plainWords() throws {
        let html = try proof()
        #expect(html.contains("Ann Author (author), Ed Editor (editor)"))
        #expect(html.contains("pages: 3, 2 with the number printed on them, the others numbered by inference"))
        #expect(html.contains("<h2>How to fix a decision</h2>"))
        #expect(html.contains("every.meta.yaml"), "the sidecar is named after the source")
        let headingLines = Fixtures.everyFeature.blocks.compactMap { block -> Int? in
            if case .heading(let heading) = block { heading.info.source?.firstLine } else { nil }
        }
        let firstHeading = try #require(headingLines.first)
        #expect(html.contains("- {line: \(firstHeading), level: 1}"))
        #expect(html.contains("A red bar marks a line decided by the sidecar"))
        #expect(!html.contains("sidecar's structure: section made"))
    }

    @Test("over its line limit, the proof shows only the lines with a heading, a sidecar's decision or a diagnostic, and says so")
    func summarised() throws {
        let html = String(decoding: try ProofWriter(lineLimit: 5).write(Fixtures.everyFeature, sourceLines: lines), as: UTF8.self)
        #expect(html.contains("This source has 12 lines, over the proof's limit of 5"))
        #expect(html.contains("id=\"L3\" data-category=\"heading\""), "the heading's line stays")
        #expect(html.contains("warning test.code: a message"), "and the diagnostic's")
        #expect(!html.contains("id=\"L5\""), "a paragraph's line is left out")
        #expect(html.components(separatedBy: "class=\"src\"").count - 1 < lines.count)
        #expect(try proof().contains("over the proof's limit") == false, "under the limit, every line")
        _ = try XMLDocumentTree(parsing: Array(html.utf8))
    }

    @Test("it is well-formed, starts as HTML5, and has no self-closed non-void element")
    func wellFormed() throws {
        let html = try proof()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        _ = try XMLDocumentTree(parsing: Array(html.utf8))
        let selfClosed = html.matches(of: #/<(\w+)[^>]*/>/#).map { String($0.output.1) }.filter { !["meta", "input", "br", "hr", "link"].contains($0) }
        #expect(selfClosed.isEmpty, "\(selfClosed)")
    }
}
