import BinderyModel
import BinderyXML

/// `teiHeader`: file description with the source's size and SHA-256, encoding description with
/// Bindery and its editorial decisions, languages, and the revision that this conversion is.
struct TEIHeader {
    var document: Document
    var context: WriteContext

    /// Creators as `author` or `editor`, anyone else (and contributors) in a `respStmt` with the role in words and its
    /// MARC code.
    private func people(_ metadata: Metadata, _ xml: XMLWriter) {
        for person in metadata.creators where person.role == "aut" || person.role == "edt" {
            xml.element(person.role == "aut" ? "author" : "editor", person.role == "edt" ? ["role": "editor"] : [:], text: person.name)
        }
        for person in metadata.creators.filter({ $0.role != "aut" && $0.role != "edt" }) + metadata.contributors {
            xml.element("respStmt") {
                xml.element("resp", ["key": person.role], text: person.roleLabel)
                xml.element("name", text: person.name)
            }
        }
    }

    func write(_ xml: XMLWriter) {
        let metadata = document.metadata
        let title = metadata.displayTitle(fallback: context.stem)
        xml.startElement("teiHeader")
        xml.element("fileDesc") {
            xml.element("titleStmt") {
                xml.element("title", ["type": "main"], text: title)
                if let subtitle = metadata.subtitle { xml.element("title", ["type": "sub"], text: subtitle) }
                people(metadata, xml)
                xml.element("respStmt") {
                    xml.element("resp", text: "Structure recovered from the plain text and encoded in TEI")
                    xml.element("name", text: "Bindery \(BinderyVersion.current)")
                }
            }
            xml.element("publicationStmt") {
                xml.element("publisher", text: context.settings.publisher)
                xml.element("idno", ["type": "URI"], text: context.identifier)
                xml.element("availability") {
                    xml.element("licence") { xml.element("p", text: metadata.rights ?? context.settings.licence) }
                }
                xml.element("date", ["when": Timestamps.day(context.modified)], text: Timestamps.day(context.modified))
            }
            if let series = metadata.series, !series.isBlank {
                xml.element("seriesStmt") {
                    xml.element("title", ["level": "s"], text: series)
                    if let position = metadata.seriesPosition, !position.isBlank { xml.element("biblScope", ["unit": "volume"], text: position) }
                }
            }
            xml.element("sourceDesc") {
                xml.element("bibl") {
                    xml.element("title", text: title)
                    people(metadata, xml)
                    if let publisher = metadata.publisher { xml.element("publisher", text: publisher) }
                    if let date = Timestamps.w3cDate(metadata.date) { xml.element("date", ["when": date], text: date) }
                    if let source = document.source {
                        xml.element("idno", ["type": "filename"], text: source.fileName)
                        xml.element("idno", ["type": "sha256"], text: source.sha256)
                        xml.element("extent", text: "\(source.byteCount) bytes, \(source.lineCount) lines of plain text")
                    }
                    if let description = metadata.sourceDescription { xml.element("note", text: description) }
                }
            }
        }
        xml.element("encodingDesc") {
            xml.element("appInfo") {
                xml.element("application", ["ident": "bindery", "version": BinderyVersion.current]) {
                    xml.element("label", text: "Bindery")
                    xml.element("desc", text: "Structure recovered from plain text and encoded automatically.")
                }
            }
            editorialDecl(xml)
        }
        xml.element("profileDesc") {
            if let description = metadata.description, !description.isBlank { xml.element("abstract") { xml.element("p", text: description) } }
            xml.element("langUsage") {
                let language = LanguageTag.sanitized(metadata.language)
                xml.element("language", ["ident": language], text: LanguageTag.name(of: language))
            }
            if !metadata.subjects.isEmpty {
                xml.element("textClass") {
                    xml.element("keywords") { for subject in metadata.subjects { xml.element("term", text: subject) } }
                }
            }
        }
        xml.element("revisionDesc") {
            let day = Timestamps.day(context.modified)
            let file = document.source?.fileName ?? context.stem
            xml.element("change", ["when": day], text: "Converted from \(file) by Bindery \(BinderyVersion.current).")
        }
        xml.endElement()
    }

    /// `hyphenation/@eol`: `hard` where line-end breaks were joined (only the words' own hyphens are kept), else `all`.
    private var endOfLineHyphenation: String {
        document.lineDecisions.contains { $0.kind == .hyphenJoined } ? "hard" : "all"
    }

    /// One element per category; categories the reader said nothing about state that nothing was done.
    /// How the `pb`s are labelled; nil without page breaks.
    private var pageNumberingNote: String? {
        let numbering = PageNumbering(document: document)
        guard !numbering.breakPages.isEmpty else { return nil }
        let printed = numbering.breakPages.count { $0.printed }, count = numbering.breakPages.count
        if printed == count { return "Each pb opens a page of the source and carries in n the number printed on that page." }
        if printed == 0 { return "Each pb opens a page of the source; the text prints no page numbers, so the pbs have type=\"inferred\" and no n." }
        return "Each pb opens a page of the source: \(printed) of the \(count) carry in n the number printed on that page; "
            + "the other \(count - printed) have type=\"inferred\" and no n, their page having no printed number in the text."
    }

    private func editorialDecl(_ xml: XMLWriter) {
        let silent: [EditorialNote.Category: String] = [
            .correction: "No corrections were made; the text is transcribed as found.",
            .normalization: "No normalisation beyond the encoding was made.",
            .quotation: "Quotation marks are kept as found in the source.",
            .hyphenation: "End-of-line hyphenation is kept as found in the source.",
            .segmentation: "Paragraphs are as separated in the source.",
            .interpretation: "Headings and divisions were inferred from the layout of the plain text.",
        ]
        xml.element("editorialDecl") {
            for category in EditorialNote.Category.allCases {
                let notes = document.editorial.filter { $0.category == category }.map(\.text)
                let element = category == .normalization ? "normalization" : category.rawValue
                xml.startElement(element)
                if category == .hyphenation { xml.attribute("eol", endOfLineHyphenation) }
                if notes.isEmpty { xml.element("p", text: silent[category] ?? "") }
                for note in notes { xml.element("p", text: note) }
                if category == .segmentation, let pages = pageNumberingNote { xml.element("p", text: pages) }
                xml.endElement()
            }
        }
    }
}
