import BinderyConversion
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// Books in French, German and Russian, written as a user's text would be (chapters named in the language, page
/// breaks with folios, a note): the language is found from the text, the headings from its words, and the e-book's
/// own labels are in the book's language; EPUBCheck and jing pass.
@Suite("Books in other languages", .serialized)
struct OtherLanguagesTests {
    struct Book: Sendable, CustomTestStringConvertible {
        var tag: String
        var chapter: String
        var titles: [String]
        var sentences: [String]
        var notesTitle: String
        var note: String
        /// Labels the EPUB's navigation and notes must carry.
        var contents: String
        var notes: String
        /// A sentence with straight double quotation marks, and how the language prints it.
        var quoted: (straight: String, printed: String)
        var testDescription: String { tag }
    }

    static let books = [
        Book(tag: "fr", chapter: "Chapitre", titles: ["Le départ", "La ville", "Le retour"],
             sentences: ["Il était une fois un homme qui vivait dans une petite maison au bord de la mer.",
                         "Chaque matin, il se levait avant le jour et marchait sur la plage pour voir les bateaux.",
                         "Les pêcheurs le saluaient, mais il ne leur parlait pas de ce qu’il avait vu pendant la nuit.",
                         "Elle disait que le vent du nord apportait des nouvelles du pays où il était né."],
             notesTitle: "Notes", note: "Le port est celui de Saint-Malo, que l’auteur connaissait bien.",
             contents: "Table des matières", notes: "Notes",
             quoted: (#"Il dit : "Viens demain.""#, "Il dit : «\u{202F}Viens demain.\u{202F}»")),
        Book(tag: "de", chapter: "Kapitel", titles: ["Der Aufbruch", "Die Stadt", "Die Rückkehr"],
             sentences: ["Es war einmal ein Mann, der in einem kleinen Haus am Rande des Waldes lebte.",
                         "Jeden Morgen stand er vor dem Tag auf und ging mit dem Hund über die Felder.",
                         "Die Bauern grüßten ihn, aber er sprach nicht mit ihnen über das, was er in der Nacht gesehen hatte.",
                         "Sie sagte, dass der Wind aus dem Norden Nachrichten aus dem Land bringe, in dem er geboren war."],
             notesTitle: "Anmerkungen", note: "Gemeint ist der Schwarzwald, den der Verfasser gut kannte.",
             contents: "Inhalt", notes: "Anmerkungen",
             quoted: (#"Er sagte: "Komm morgen.""#, "Er sagte: „Komm morgen.“")),
        Book(tag: "ru", chapter: "Глава", titles: ["Отъезд", "Город", "Возвращение"],
             sentences: ["Жил когда-то человек, который жил в маленьком доме на берегу реки, и он был один.",
                         "Каждое утро он вставал до рассвета и шёл по берегу, чтобы посмотреть на лодки.",
                         "Рыбаки здоровались с ним, но он не говорил им о том, что видел ночью, и это было странно.",
                         "Она говорила, что северный ветер приносит вести из той страны, где он родился."],
             notesTitle: "Примечания", note: "Имеется в виду Волга, которую автор хорошо знал.",
             contents: "Содержание", notes: "Примечания",
             quoted: (#"Он сказал: "Приходи завтра.""#, "Он сказал: «Приходи завтра.»")),
    ]

    /// The book's text: a title page, three chapters of paragraphs over several pages (a form feed and a folio), a
    /// note marker in the first chapter and the notes at the end.
    static func text(_ book: Book) -> String {
        var lines = ["", "Une histoire", "", "", ""]
        var page = 1
        for (number, title) in book.titles.enumerated() {
            lines += ["", "", "", "\(book.chapter) \(["I", "II", "III"][number])", "", title, "", ""]
            for paragraph in 0..<12 {
                var words = (0..<4).map { book.sentences[($0 + paragraph + number) % book.sentences.count] }.joined(separator: " ")
                if number == 0, paragraph == 2 { words = words.dropLast() + "[1]." }
                lines += [words, ""]
                if paragraph % 4 == 3 {
                    lines += ["\(page)", "\u{0C}"]
                    page += 1
                }
            }
        }
        lines += [book.quoted.straight, ""]
        lines += ["", "", "", book.notesTitle, "", "", "[1] \(book.note)", ""]
        return lines.joined(separator: "\n")
    }

    @Test("the language, the headings and the labels", arguments: books)
    func languageHeadingsAndLabels(_ book: Book) throws {
        let source = Converter.Source(bytes: Array(Self.text(book).utf8), fileName: "book-\(book.tag).txt", modified: Date(timeIntervalSince1970: 1_700_000_000))
        let result = try Converter().convert(source)
        #expect(result.document.metadata.language == book.tag)
        #expect(result.document.editorial.contains { $0.text.contains("detected from the text") && $0.text.contains("(\(book.tag))") })
        let headings = result.document.blocks.compactMap { block -> String? in
            if case .heading(let heading) = block { heading.inlines.plainText } else { nil }
        }
        let chapters = book.titles.enumerated().map { "\(book.chapter) \(["I", "II", "III"][$0.offset]) \($0.element)" }
        #expect(headings.filter { $0 != book.notesTitle } == chapters, "\(headings)")
        let linked = result.document.blocks.contains { block in
            guard case .paragraph(let inlines, _) = block else { return false }
            return inlines.contains { if case .note = $0 { true } else { false } }
        }
        #expect(linked, "the note is linked to its marker")
        let paragraphs = result.document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        #expect(paragraphs.contains(book.quoted.printed), "\(paragraphs.suffix(2))")

        let directory = try PackagePaths.temporaryDirectory("bindery-languages")
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in result.outputs {
            try AtomicFileWriter.write(output.bytes, to: directory.appendingPathComponent("book-\(book.tag)" + output.format.fileSuffix))
        }
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return
        }
        let epub = directory.appendingPathComponent("book-\(book.tag).epub")
        let unpacked = directory.appendingPathComponent("unpacked")
        try Validators.unzip(epub, into: unpacked)
        let nav = try String(contentsOf: unpacked.appendingPathComponent("EPUB/nav.xhtml"), encoding: .utf8)
        #expect(nav.contains("<h1>\(book.contents)</h1>"), "\(nav.prefix(600))")
        #expect(nav.contains("xml:lang=\"\(book.tag)\""))
        // The notes stand under a heading Bindery writes, in the book's language (`Notes`, `Anmerkungen`, …).
        let textDirectory = unpacked.appendingPathComponent("EPUB/text")
        let pages = try FileManager.default.contentsOfDirectory(atPath: textDirectory.path)
            .map { try String(contentsOf: textDirectory.appendingPathComponent($0), encoding: .utf8) }
        #expect(pages.contains { $0.contains(book.titles[0]) && $0.contains("endnotes") && $0.contains(">\(book.notes)</h") })
        let epubcheck = try Validators.epubcheck(epub)
        #expect(epubcheck.passed, "\(epubcheck.output.suffix(2000))")
        let jing = try Validators.jing([directory.appendingPathComponent("book-\(book.tag).tei.xml")])
        #expect(jing.passed, "\(jing.output.suffix(2000))")
    }

    @Test("the sidecar's language wins over the text's, and English text stays English with no note")
    func sidecarAndEnglish() throws {
        let french = Self.text(Self.books[0])
        let sidecar = Converter.Source(bytes: Array(french.utf8), fileName: "book.txt", modified: Date(timeIntervalSince1970: 1_700_000_000),
                                       sidecar: Array("lang: it\n".utf8))
        let withSidecar = try Converter().convert(sidecar).document
        #expect(withSidecar.metadata.language == "it")
        #expect(!withSidecar.editorial.contains { $0.text.contains("detected from the text") })
        let english = (0..<60).map { _ in "It was the best of times, and it was the worst of times, with the age of wisdom." }.joined(separator: "\n\n")
        let plain = try Converter().convert(Converter.Source(bytes: Array(english.utf8), fileName: "en.txt", modified: Date(timeIntervalSince1970: 0))).document
        #expect(plain.metadata.language == "en")
        #expect(!plain.editorial.contains { $0.text.contains("detected from the text") })
    }
}
