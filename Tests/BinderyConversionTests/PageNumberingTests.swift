import BinderyConversion
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// One page numbering in every output, where the source prints its page numbers and where it prints none of some.
@Suite("Page numbering across outputs")
struct PageNumberingTests {
    /// A pdftotext book of the development set: its folios are printed on every page but the first and last.
    static let printedBook = PackagePaths.shared.appendingPathComponent("books/b01-pdf.txt")

    @Test("printed folios label their pages alike in the EPUB, the TEI and the bag; the unnumbered first page is inferred")
    func printedFolios() throws {
        guard FileManager.default.fileExists(atPath: Self.printedBook.path) else {
            #expect(!PackagePaths.isCI, "../shared/books is missing")
            return
        }
        let source = try SourceLoader(environment: ["SOURCE_DATE_EPOCH": "1700000000"]).load(Self.printedBook)
        let result = try Converter().convert(source)
        let directory = try PackagePaths.temporaryDirectory("bindery-pages")
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in result.outputs { try Data(output.bytes).write(to: directory.appendingPathComponent(source.stem + output.format.fileSuffix)) }
        let found = try PageLabelsFound(directory: directory, stem: source.stem)
        found.check(result.document, stem: source.stem)
        let numbering = PageNumbering(document: result.document)
        #expect(numbering.printedCount >= numbering.pages.count - 3 && numbering.printedCount > 200, "\(numbering.printedCount) of \(numbering.pages.count)")
        // The first page, before the first printed folio 2, is page 1 by inference.
        #expect(numbering.leadingPage?.label == "1" && numbering.leadingPage?.printed == false)
        #expect(found.bagFiles.contains("data/pages/0002.txt") && found.bagFiles.contains("data/pages/seq-0001.txt"))
        let problems = try Validators.problems(result.outputs.map { ($0.format.fileSuffix, $0.bytes) }, stem: source.stem, bag: true)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a page without a printed number between numbered ones is numbered from its neighbour and marked inferred")
    func inferredBetweenPrinted() {
        var document = Document()
        document.blocks = [.paragraph([.text("Title page.")]), .pageBreak(PageBreak(number: "7")), .paragraph([.text("Seven.")]),
                           .pageBreak(PageBreak()), .paragraph([.text("Eight.")]), .pageBreak(PageBreak(number: "ix")),
                           .paragraph([.text("Nine.")]), .pageBreak(PageBreak())]
        let numbering = PageNumbering(document: document)
        #expect(numbering.pages.map(\.label) == ["6", "7", "8", "ix", "10"])
        #expect(numbering.pages.map(\.printed) == [false, true, false, true, false])
    }

    @Test("a page before a printed 1 gets a label of its own (i), never a second 1; labels never repeat")
    func beforePageOne() {
        var document = Document()
        document.blocks = [.paragraph([.text("Title.")]), .pageBreak(PageBreak()), .paragraph([.text("Preface.")]),
                           .pageBreak(PageBreak(number: "1")), .paragraph([.text("One.")]), .pageBreak(PageBreak(number: "2")),
                           .paragraph([.text("Two.")]), .pageBreak(PageBreak()), .paragraph([.text("Three.")])]
        let labels = PageNumbering(document: document).pages.map(\.label)
        #expect(labels == ["i", "ii", "1", "2", "3"], "\(labels)")
        #expect(Set(labels).count == labels.count)
    }

    @Test("no text before the first break: no page before it; no number printed anywhere: pages in sequence")
    func noLeadingPage() {
        var document = Document()
        document.blocks = [.pageBreak(PageBreak()), .paragraph([.text("One.")]), .pageBreak(PageBreak()), .paragraph([.text("Two.")])]
        let numbering = PageNumbering(document: document)
        #expect(numbering.leadingPage == nil)
        #expect(numbering.pages.map(\.label) == ["1", "2"])
        #expect(numbering.printedCount == 0)
    }
}
