import BinderyConversion
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// The proof of every corpus document and of a paginated fixture: each source line exactly once, every
/// non-blank line marked with what became of it, the decision types shown, valid HTML5 by the Nu checker.
@Suite("Proof over the corpus")
struct ProofCorpusTests {
    private func proof(of bytes: [UInt8], name: String) throws -> (html: String, lines: [String]) {
        let source = Converter.Source(bytes: bytes, fileName: name, modified: Date(timeIntervalSince1970: 1_700_000_000))
        let (document, lines) = try Converter().analyse(source)
        return (String(decoding: try ProofWriter().write(document, sourceLines: lines), as: UTF8.self), lines)
    }

    /// Line number → (category, what as text) of the proof's rows, in order.
    private func rows(_ html: String) -> [(line: Int, category: String, what: String)] {
        html.matches(of: #/<div class="l k-[a-z]+[^"]*" id="L(\d+)" data-category="([a-z]+)">.*?<span class="what">(.*?)</span></div>/#)
            .map { (Int($0.output.1)!, String($0.output.2), String($0.output.3).replacing(#/<[^>]+>/#, with: "")) }
    }

    @Test("each corpus proof: every line once, every non-blank line marked, all decision types across the corpus, valid HTML5")
    func corpus() throws {
        let files = PackagePaths.corpusFiles()
        if files.isEmpty {
            #expect(!PackagePaths.isCI, "the corpus is missing")
            return
        }
        let directory = try PackagePaths.temporaryDirectory("proof-corpus")
        defer { try? FileManager.default.removeItem(at: directory) }
        var categories: Set<String> = []
        var written: [URL] = []
        var labels = ""
        for file in files {
            let (html, lines) = try proof(of: [UInt8](try Data(contentsOf: file)), name: file.lastPathComponent)
            let found = rows(html)
            #expect(found.map(\.line) == Array(1...lines.count), "\(file.lastPathComponent): rows are not lines 1…\(lines.count) once each")
            #expect(html.components(separatedBy: "class=\"src\"").count - 1 == lines.count)
            let unmarked = found.filter { $0.category == "none" && !lines[$0.line - 1].allSatisfy(\.isWhitespace) }
            #expect(unmarked.isEmpty, "\(file.lastPathComponent): non-blank lines with no decision: \(unmarked.prefix(5).map(\.line))")
            categories.formUnion(found.map(\.category))
            labels += found.map(\.what).joined(separator: "\n")
            let target = directory.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".proof.html")
            try Data(html.utf8).write(to: target)
            written.append(target)
        }
        #expect(categories.isSuperset(of: ["heading", "paragraph", "join", "page", "note", "list", "verse", "scene"]), "\(categories.sorted())")
        for label in ["end hyphen joined: “", "end hyphen kept: “", "note marker [", "linked to its note at line ", ", its marker at line ",
                      "the paragraph runs on across it", "¶ table of contents", "¶ index"] {
            #expect(labels.contains(label), "no line says \(label)")
        }
        let validation = try Validators.html5(written)
        #expect(validation.passed, "\(validation.output.prefix(3000))")
    }

    @Test("page furniture: the running head and page number lines say they were taken out; the break says which page")
    func furniture() throws {
        let text = (1...6).map { page in
            (["THE UNKNOWN BOOK"] + (1...20).map { "line \($0) of page \(page) runs on and on with words" } + ["\(page)"]).joined(separator: "\n")
        }.joined(separator: "\n\n\n\n")
        let (html, lines) = try proof(of: Array(text.utf8), name: "paged.txt")
        let found = rows(html)
        for (index, line) in lines.enumerated() where line == "THE UNKNOWN BOOK" {
            #expect(found[index].category == "page" && found[index].what == "running head taken out of the text", "line \(index + 1)")
        }
        let numbers = lines.indices.filter { lines[$0].allSatisfy(\.isNumber) && !lines[$0].isEmpty }
        #expect(numbers.count == 6)
        for index in numbers { #expect(found[index].what == "page number taken out of the text", "line \(index + 1)") }
        #expect(found.contains { $0.what.hasPrefix("page break → p. 2; running head “THE UNKNOWN BOOK” removed") })
    }
}
