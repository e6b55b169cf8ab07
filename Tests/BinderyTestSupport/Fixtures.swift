import BinderyModel

/// Documents built by hand for writer tests.
public enum Fixtures {
    /// Uses every block, inline, division kind that matters to writers, and awkward text (markup characters, controls).
    public static let everyFeature = Document(
        metadata: Metadata(
            title: "Every <Feature> & More", subtitle: "A fixture", creators: [Contributor(name: "Ann Author", fileAs: "Author, Ann")],
            contributors: [Contributor(name: "Ed Editor", role: "edt")], language: "en-GB", identifier: nil,
            date: "1921-03-18", publisher: "Fixture Press", sourceDescription: nil, rights: "Public domain",
            subjects: ["testing", "fixtures"]),
        blocks: [
            .paragraph([.text("Before any heading: a dedication to \"everyone\".")], NodeInfo(attributes: Attributes(classes: ["dedication"]))),
            .heading(Heading(level: 1, inlines: [.text("Contents")], kind: .contents)),
            .paragraph([.text("Part One . . . 1")], NodeInfo(attributes: Attributes(classes: ["toc"]))),
            .heading(Heading(level: 1, inlines: [.text("Part One")], kind: .part, info: NodeInfo(source: SourceRange(line: 3)))),
            .heading(Heading(level: 2, inlines: [.text("A "), .emphasis([.text("Chapter")]), .text(" with a note"), .note(Note(number: "*", blocks: [.paragraph([.text("A note on a heading.")])]))], kind: .chapter)),
            .paragraph([.text("Text with a note"), .note(Note(number: "1", blocks: [.paragraph([.text("The note, with "), .emphasis([.text("emphasis")]), .text(".")]), .paragraph([.text("Its second paragraph.")])])),
                        .text(" and a page "), .pageBreak(PageBreak(number: "12", runningHead: "EVERY FEATURE", removedPageNumber: "12", sourceLine: 40)),
                        .text("break, "), .strong([.text("strong")]), .text(" and a "), .link(url: "https://example.org/?a=1&b=2", [.text("link")]), .text(". 1 < 2 & 3 > 2\u{1}.")],
                       NodeInfo(attributes: Attributes(id: "p1", classes: ["first"]), source: SourceRange(firstLine: 5, lastLine: 9))),
            .heading(Heading(level: 3, inlines: [.text("A section")], kind: .section)),
            .blockQuote([.paragraph([.text("Quoted "), .note(Note(number: "2", blocks: [.paragraph([.text("Note in a quote.")])])), .text(".")]), .paragraph([.text("Second quoted paragraph.")])]),
            .list(ListBlock(ordered: true, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]])),
            .list(ListBlock(ordered: false, items: [[.paragraph([.text("bullet")])]])),
            .verse(lines: [[.text("Line one,")], [.text("line two.")]]),
            .sceneBreak(),
            .figure(Figure(image: "figure-1.png", description: "Picture 1 of the source, printed on p. 12")),
            .pageBreak(PageBreak(number: "13", runningHead: "A CHAPTER", strayMark: "y")),
            .paragraph([.text("After the break.")]),
            .verse(lines: [[.text("AK Press")], [.text("33 Tower St.")], [.text("ak@example.org")]], NodeInfo(attributes: Attributes(classes: ["address"]))),
            .heading(Heading(level: 2, inlines: [], kind: .chapter)),
            .paragraph([.text("Under an empty heading.")]),
            .heading(Heading(level: 1, inlines: [.text("Index")], kind: .index)),
            .paragraph([.text("notes, 12")], NodeInfo(attributes: Attributes(classes: ["index"]))),
        ],
        diagnostics: [Diagnostic(.warning, code: "test.code", "a message", line: 4)],
        editorial: [EditorialNote(.hyphenation, "3 end-of-line hyphens were joined."), EditorialNote(.normalization, "Page numbers were removed.")],
        source: SourceInfo(fileName: "every.txt", byteCount: 100, sha256: String(repeating: "0", count: 64), lineCount: 10),
        lineDecisions: [LineDecision(line: 5, kind: .hyphenJoined, detail: "feature")],
        images: [DocumentImage(name: "figure-1.png", mediaType: "image/png", bytes: onePixelPNG, width: 1, height: 1)]
    )

    /// A book that opens with its own title page (the reader's `titlepage` paragraphs, a page break among them).
    public static let withTitlePage = Document(
        metadata: Metadata(title: "Dubliners", creators: [Contributor(name: "James Joyce")], language: "en"),
        blocks: [
            .paragraph([.text("DUBLINERS")], NodeInfo(attributes: Attributes(classes: ["titlepage"]), source: SourceRange(line: 1))),
            .paragraph([.text("by James Joyce")], NodeInfo(attributes: Attributes(classes: ["titlepage"]), source: SourceRange(line: 3))),
            .paragraph([.text("London: Grant Richards, 1914")], NodeInfo(attributes: Attributes(classes: ["titlepage"]), source: SourceRange(line: 5))),
            .pageBreak(PageBreak(number: "2")),
            .heading(Heading(level: 1, inlines: [.text("The Sisters")], kind: .chapter)),
            .paragraph([.text("There was no hope for him this time: it was the third stroke.")]),
        ],
        source: SourceInfo(fileName: "dubliners.txt", byteCount: 120, sha256: String(repeating: "1", count: 64), lineCount: 9)
    )

    /// A title page whose title is set over two lines, with an editor's line.
    public static let withTitleOverTwoLines = Document(
        metadata: Metadata(title: "Bloodstained: One Hundred Years", contributors: [Contributor(name: "Friends of Aron Baron", role: "edt")], language: "en"),
        blocks: ["BLOODSTAINED", "ONE HUNDRED YEARS", "EDITED BY", "FRIENDS OF ARON BARON"].map {
            .paragraph([.text($0)], NodeInfo(attributes: Attributes(classes: ["titlepage"])))
        } + [.heading(Heading(level: 1, inlines: [.text("Introduction")], kind: .introduction)), .paragraph([.text("It begins.")])]
    )

    /// A PNG file of one green pixel.
    public static let onePixelPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF,
        0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xC9, 0xFE, 0x92, 0xEF, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}
