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
        // (The corpus has no verse: 001's addresses, once taken for it, keep their lines as addresses.)
        #expect(categories.isSuperset(of: ["heading", "paragraph", "join", "page", "note", "list", "scene"]), "\(categories.sorted())")
        #expect(labels.contains("postal address, its lines kept") && labels.contains("stray mark"))
        for file in written {
            let html = try String(contentsOf: file, encoding: .utf8)
            let summary = html.components(separatedBy: "<main")[0]
            for jargon in ["blankLineSeparated", "doubleSpaced", "hardWrapped", "linePerParagraph", " true", " false", "measure "] {
                #expect(!summary.contains(jargon), "\(file.lastPathComponent): the proof's summary says “\(jargon)”")
            }
            #expect(summary.contains("<h2>How to fix a decision</h2>"))
        }
        for label in ["end hyphen joined: “", "end hyphen kept: “", "note marker [", "linked to its note at line ", ", its marker at line ",
                      "the paragraph runs on across it", "¶ table of contents", "¶ index"] {
            #expect(labels.contains(label), "no line says \(label)")
        }
        let validation = try Validators.html5(written)
        #expect(validation.passed, "\(validation.output.prefix(3000))")
    }

    @Test("the records agree with the output: hyphens, running heads, page numbers and pages counted alike in editorialDecl, the proof and the decisions")
    func recordsAgree() throws {
        for file in PackagePaths.corpusFiles() {
            let source = Converter.Source(bytes: [UInt8](try Data(contentsOf: file)), fileName: file.lastPathComponent, modified: Date(timeIntervalSince1970: 1_700_000_000))
            let (document, lines) = try Converter().analyse(source)
            let html = String(decoding: try ProofWriter().write(document, sourceLines: lines), as: UTF8.self)
            let name = file.lastPathComponent
            let decided = Dictionary(grouping: document.lineDecisions, by: \.kind).mapValues(\.count)
            let editorial = document.editorial.map(\.text).joined(separator: "\n")
            let joined = decided[.hyphenJoined] ?? 0, kept = decided[.hyphenKept] ?? 0, restored = decided[.compoundRestored] ?? 0
            #expect(editorial.contains("\(joined) end-of-line hyphens joined, \(kept) kept as compounds"), "\(name): \(joined) joined, \(kept) kept")
            #expect(html.contains("end-of-line hyphens: \(joined) joined, \(kept) kept, \(restored) compound hyphens put back"), "\(name)")
            let numbering = PageNumbering(document: document)
            if numbering.pages.count > 1 {
                let heads = decided[.runningHeadRemoved] ?? 0, folios = decided[.pageNumberRemoved] ?? 0
                #expect(editorial.contains("\(numbering.pages.count) pages found"), "\(name): \(numbering.pages.count) pages")
                #expect(editorial.contains("Page numbers (\(folios)) and running heads (\(heads))"), "\(name): \(folios) folios, \(heads) heads")
                #expect(html.contains("pages: \(numbering.pages.count), \(numbering.printedCount) with the number printed on them"), "\(name)")
                #expect(html.contains("\(heads) running heads, \(folios) page numbers"), "\(name)")
            }
        }
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
