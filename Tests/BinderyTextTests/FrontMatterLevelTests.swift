@testable import BinderyText
import BinderyModel
import Testing

@Suite("Front matter levels")
struct FrontMatterLevelTests {
    static let paragraph = "The words of this paragraph run on for a while, as the words of a book do, and then they stop."

    /// A book: a title, front matter headed `front` (a plain title, then `Introduction`), then chapters numbered
    /// `numbers` in one style, each with plain section titles under it.
    static func book(front: [String], numbers: [String]) -> String {
        var parts = ["THE BOOK", "", "by A. Writer", "", "", ""]
        for title in front { parts += [title, "", "", paragraph, "", paragraph, "", "", "", ""] }
        for (position, number) in numbers.enumerated() {
            parts += ["\(number). A Matter of Kind \(position + 1)", "", "", paragraph, "", "", "Variation of the Parts", "", paragraph, "", "",
                      "Effects of Habit", "", paragraph, "", "", "", ""]
        }
        return parts.joined(separator: "\n")
    }

    /// Where one numbering runs through the book, front matter before its first number stands beside the chapters,
    /// whatever opens the book; each chapter's sections stand under it.
    @Test(arguments: [["A Sketch of Earlier Opinions", "Introduction"], ["Introduction"], ["Preface", "Introduction"]])
    func frontMatterBeforeNumberedChaptersIsTop(front: [String]) throws {
        let found = headings(try read(Self.book(front: front, numbers: ["I", "II", "III", "IV"])))
        #expect(found.filter { $0.level == 1 }.map(\.text) == front + (1...4).map { "\(["I", "II", "III", "IV"][$0 - 1]). A Matter of Kind \($0)" })
        #expect(found.filter { $0.level == 2 }.count == 8)
    }

    /// An essay: its title, an introduction and numbered sections holding no sections of their own: the introduction
    /// and the sections stand under the title, as they do without the introduction.
    @Test(arguments: [true, false])
    func anEssaysNumberedSectionsStayUnderItsTitle(introduction: Bool) throws {
        var parts = ["On Things Seen", "", "", ""] + (introduction ? ["Introduction", "", "", Self.paragraph, ""] : [])
        for number in 1...3 { parts += ["", "\(number). The Question of Kind \(number)", "", "", Self.paragraph, "", Self.paragraph, ""] }
        let found = headings(try read(parts.joined(separator: "\n")))
        #expect(found.first.map { [$0.level, found.count] } == [1, introduction ? 5 : 4], "\(found.map { "\($0.level) \($0.text)" })")
        #expect(found.dropFirst().allSatisfy { $0.level == 2 }, "\(found.map { "\($0.level) \($0.text)" })")
    }

    /// An essay: its title, then an introduction and unnumbered sections; with no numbering running through, the
    /// introduction stays under the title.
    @Test func anEssaysIntroductionStaysUnderItsTitle() throws {
        var parts = ["On Things Seen", "", "", "", "Introduction", "", "", Self.paragraph, ""]
        for title in ["The First Question", "The Second Question", "Some Remarks"] { parts += ["", title, "", "", Self.paragraph, "", Self.paragraph, ""] }
        let found = headings(try read(parts.joined(separator: "\n")))
        #expect(Array(found.prefix(2).map(\.level)) == [1, 2], "\(found.map { "\($0.level) \($0.text)" })")
    }
}
