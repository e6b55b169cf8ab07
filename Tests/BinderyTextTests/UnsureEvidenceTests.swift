import BinderyModel
@testable import BinderyText
import Testing

/// Warnings where the evidence is weak: page numbers that skip, a short line left standing again and again.
@Suite("Warnings on unsure evidence")
struct UnsureEvidenceTests {
    private func paged(_ folios: [Int]) -> String {
        folios.map { folio in
            (["THE UNKNOWN BOOK"] + (1...20).map { "line \($0) of page \(folio) runs on and on with words" } + ["\(folio)"]).joined(separator: "\n")
        }.joined(separator: "\n\n\n\n")
    }

    @Test("printed page numbers that skip are a warning naming the jump; numbers that run on by one are not")
    func numberingGaps() throws {
        let skipping = try read(paged([1, 2, 3, 4, 7, 8, 9]))
        let gap = skipping.diagnostics.first { $0.code == "pages.numbering-gaps" }
        #expect(gap?.severity == .warning)
        #expect(gap?.message.contains("4 to 7") == true, "\(gap?.message ?? "none")")
        let running = try read(paged(Array(1...7)))
        #expect(!running.diagnostics.contains { $0.code == "pages.numbering-gaps" })
    }

    @Test("a short line standing five times as a paragraph of its own is a warning; four times, or a sentence, is not")
    func repeatedLines() {
        func paragraphs(_ text: String, _ times: Int) -> [Block] {
            (0..<times).flatMap { [.paragraph([.text(text)]), .paragraph([.text("A paragraph of running text number \($0).")])] }
        }
        #expect(UnsureEvidence.repeatedLines(paragraphs("THE BOOK OF DAYS", 5)).map(\.code) == ["text.repeated-line"])
        #expect(UnsureEvidence.repeatedLines(paragraphs("THE BOOK OF DAYS", 4)).isEmpty)
        #expect(UnsureEvidence.repeatedLines(paragraphs("He said nothing.", 9)).isEmpty)
    }
}
