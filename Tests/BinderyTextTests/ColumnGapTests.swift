@testable import BinderyText
import BinderyModel
import Testing

/// A play set as a table (speaker, a column gap, the speech), as `pdftotext -layout` prints it: neither its rows nor
/// a speaker's name standing alone at a page top are headings; a real title in the same text still is.
@Suite("Column gaps")
struct ColumnGapTests {
    @Test("table rows and their lone labels are not headings")
    func playTable() throws {
        var lines = ["", "", "Act I", "", ""]
        for round in 0..<4 {
            lines += ["King       Where is the letter that you spoke of, friend,", "           and who has carried it across the sea?",
                      "Queen      Came this from Hamlet to her? Tell me true.", "", "", "King", "", "           He spoke of it at supper, round \(round)."]
        }
        let headings = try read(lines.joined(separator: "\n")).blocks.compactMap { block -> String? in
            if case .heading(let heading) = block { heading.inlines.plainText } else { nil }
        }
        #expect(headings == ["Act I"])
    }
}
