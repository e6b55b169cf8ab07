import BinderyArchive
import BinderyModel
import BinderyXML
import Mustache

/// EPUB 3.3: one XHTML file per division at the split level, a title page, nav with page-list, NCX.
public struct EPUBWriter: DocumentWriter {
    /// libdeflate level 1: a third of the time zlib level 2 took, for a smaller container (BENCHMARKS.md).
    static let deflateLevel = 1

    public init() {}

    public func write(_ document: Document, context: WriteContext) throws(WriterError) -> [UInt8] {
        do {
            return try build(document, context: context)
        } catch let error as WriterError {
            throw error
        } catch {
            throw WriterError(format: "epub", "\(error)")
        }
    }

    private func build(_ document: Document, context: WriteContext) throws -> [UInt8] {
        let language = LanguageTag.sanitized(document.metadata.language)
        let labels = GeneratedLabels.forLanguage(language)
        let title = document.metadata.displayTitle(fallback: context.stem)
        let templateText = context.templates.text("epub/chapter.xhtml.mustache")
        let chapterTemplate = try MustacheTemplate(string: templateText)
        // The bundled template is known to be well-formed around writer-made bodies; a custom one is checked page by page.
        let checkPages = templateText != TemplateSet.bundled.text("epub/chapter.xhtml.mustache")
        // The source's own title page becomes the book's; the body goes on without it.
        let (sourceTitlePage, bodyBlocks) = SourceTitlePage.split(document.blocks)
        var body = document
        body.blocks = HeadingDisplay.apply(bodyBlocks)
        let plan = EPUBContentPlan(document: body, splitLevel: context.settings.epubSplitLevel)
        let numbering = PageNumbering(document: document)
        let ids = EPUBIdentifiers(breakLabels: numbering.breakPages.map(\.label))
        let notesPath = "text/notes.xhtml"
        var contentFiles: [(path: String, bytes: [UInt8])] = []

        func wrap(_ body: String, title pageTitle: String, path: String, bodyAttributes: String = "") throws -> [UInt8] {
            let stylesheet = XHTMLBodyRenderer.relative("css/bindery.css", from: path)
            let page = chapterTemplate.render([
                "language": language, "title": XMLWriter.escaped(pageTitle), "stylesheet": stylesheet,
                "bodyAttributes": bodyAttributes, "body": body,
            ] as [String: String])
            let bytes = Array(page.utf8)
            guard checkPages else { return bytes }
            do {
                _ = try XMLDocumentTree(parsing: bytes)
            } catch {
                throw WriterError(format: "epub", "\(path) is not well-formed (check the template): \(error)")
            }
            return bytes
        }

        let cover = TypographicCover(document.metadata, title: title, label: labels.cover)
        // The sidecar's cover image, or the typographic one made from the metadata.
        let coverImagePath = "images/cover." + (context.resources.cover?.fileExtension ?? "svg")
        contentFiles.append((Self.coverPagePath, try wrap(try coverPageBody(cover, imagePath: coverImagePath), title: title, path: Self.coverPagePath,
                                                          bodyAttributes: " class=\"cover\"")))
        var bookNotes: [XHTMLBodyRenderer.PendingNote] = []
        let titlePageXML = try XMLWriter()
        let titlePageRenderer = XHTMLBodyRenderer(
            xml: titlePageXML, ids: ids, filePath: Self.titlePagePath,
            notesFile: context.settings.epubNotes == .chapter ? Self.titlePagePath : notesPath)
        titlePage(document.metadata, title: title, source: sourceTitlePage, renderer: titlePageRenderer, xml: titlePageXML)
        if context.settings.epubNotes == .chapter {
            titlePageRenderer.flushNotes(heading: labels.notes)
        } else {
            bookNotes += titlePageRenderer.notes
        }
        contentFiles.append((Self.titlePagePath, try wrap(try titlePageXML.finishString(), title: title, path: Self.titlePagePath)))
        for file in plan.files {
            let xml = try XMLWriter()
            let renderer = XHTMLBodyRenderer(
                xml: xml, ids: ids, filePath: file.path,
                notesFile: context.settings.epubNotes == .chapter ? file.path : notesPath)
            renderer.render(Section.nest(file.blocks))
            if context.settings.epubNotes == .chapter {
                renderer.flushNotes(heading: labels.notes)
            } else {
                bookNotes += renderer.notes
            }
            contentFiles.append((file.path, try wrap(try xml.finishString(), title: file.title, path: file.path)))
        }
        if !bookNotes.isEmpty {
            let xml = try XMLWriter()
            let renderer = XHTMLBodyRenderer(xml: xml, ids: EPUBIdentifiers(), filePath: notesPath, notesFile: notesPath)
            renderer.adopt(bookNotes)
            renderer.flushNotes(heading: labels.notes)
            contentFiles.append((notesPath, try wrap(try xml.finishString(), title: labels.notes, path: notesPath)))
        }

        let source = sourceDescription(document)
        // Page 1, before the first break, starts the source's title page or else the body.
        var pageEntries = ids.pageEntries
        if let leading = numbering.leadingPage, !pageEntries.isEmpty {
            let href = sourceTitlePage == nil ? plan.files.first?.path ?? Self.titlePagePath : Self.titlePagePath
            pageEntries.insert(.init(label: leading.label, href: href), at: 0)
        }
        let navigation = EPUBNavigation(
            title: title, identifier: context.identifier, language: language, toc: ids.tocEntries, pages: pageEntries,
            titlePagePath: Self.titlePagePath, coverPagePath: Self.coverPagePath, firstBodyPath: plan.bodyMatterStart?.path ?? plan.files.first?.path,
            tocTitle: document.metadata.tocTitle.flatMap { $0.isBlank ? nil : $0 })
        let nav = try wrap(try navigation.navBody(), title: navigation.contentsTitle, path: "nav.xhtml")

        var items: [PackageDocument.Item] = [
            .init(id: "css", href: "css/bindery.css", mediaType: "text/css", properties: nil, inSpine: false),
            .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml", properties: nil, inSpine: false),
            .init(id: "cover-image", href: coverImagePath, mediaType: context.resources.cover?.mediaType ?? "image/svg+xml", properties: "cover-image", inSpine: false),
        ]
        let images = document.shownImages
        for (index, image) in images.enumerated() {
            items.append(.init(id: "figure-\(index + 1)", href: Self.imagePath(image.name), mediaType: image.mediaType, properties: nil, inSpine: false))
        }
        for (index, file) in contentFiles.enumerated() {
            // The cover and title pages first, then the body's files counted from 1.
            let id = index == 0 ? "cover" : index == 1 ? "titlepage" : file.path == notesPath ? "notes" : "file-\(index - 1)"
            items.append(.init(id: id, href: file.path, mediaType: "application/xhtml+xml", properties: nil, inSpine: true))
            if index == 1 {
                items.append(.init(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav", inSpine: true))
            }
        }
        var metadata = document.metadata
        metadata.title = title
        if metadata.rights == nil { metadata.rights = context.settings.licence }
        let package = PackageDocument(
            metadata: metadata, identifier: context.identifier, language: language, modified: context.modified,
            pageCount: pageEntries.count, printedPageCount: pageEntries.isEmpty ? 0 : numbering.printedCount, figureCount: images.count, sourceDescription: source, items: items)

        var zip = ZipArchiveWriter(modified: context.modified, deflateLevel: Self.deflateLevel)
        zip.add("mimetype", text: "application/epub+zip", compression: .store)
        zip.add("META-INF/container.xml", try containerXML())
        zip.add("EPUB/content.opf", try package.bytes())
        zip.add("EPUB/nav.xhtml", nav)
        zip.add("EPUB/toc.ncx", try navigation.ncx())
        zip.add("EPUB/css/bindery.css", text: Self.styleSheet(context))
        zip.add("EPUB/" + coverImagePath, try context.resources.cover?.bytes ?? cover.svg())
        for file in contentFiles { zip.add("EPUB/" + file.path, file.bytes) }
        // A PNG is compressed already.
        for image in images { zip.add("EPUB/" + Self.imagePath(image.name), image.bytes, compression: .store) }
        return try zip.archive()
    }

    private func containerXML() throws -> [UInt8] {
        let xml = try XMLWriter(indent: true)
        xml.startDocument()
        xml.element("container", ["version": "1.0", "xmlns": "urn:oasis:names:tc:opendocument:xmlns:container"]) {
            xml.element("rootfiles") {
                xml.element("rootfile", ["full-path": "EPUB/content.opf", "media-type": "application/oebps-package+xml"])
            }
        }
        return try xml.finish()
    }

    static let coverPagePath = "text/cover.xhtml"

    /// Where a figure's image lies in the package, apart from the cover's.
    static func imagePath(_ name: String) -> String { "images/figures/" + name }

    /// The cover page: the cover image alone, described by what it says.
    private func coverPageBody(_ cover: TypographicCover, imagePath: String) throws -> String {
        let xml = try XMLWriter()
        xml.element("section", ["epub:type": "cover", "class": "cover"]) {
            xml.element("img", ["src": XHTMLBodyRenderer.relative(imagePath, from: Self.coverPagePath), "alt": cover.altText, "role": "doc-cover"])
        }
        return try xml.finishString()
    }

    /// The templates' style sheet, then the sidecar's, whose rules come later and so win.
    static func styleSheet(_ context: WriteContext) -> String {
        context.resources.styleSheets.reduce(context.templates.text("epub/bindery.css")) { text, sheet in
            text + (text.hasSuffix("\n") ? "" : "\n") + "\n/* From the document's sidecar (css). */\n" + sheet.text
        }
    }

    static let titlePagePath = "text/titlepage.xhtml"

    /// The title page: the source's own (its lines as printed, the title's as the heading), else one made from the metadata.
    private func titlePage(_ metadata: Metadata, title: String, source: SourceTitlePage?, renderer: XHTMLBodyRenderer, xml: XMLWriter) {
        xml.element("section", ["epub:type": "titlepage", "class": "titlepage"]) {
            guard let source else {
                xml.element("h1", text: title)
                if let subtitle = metadata.subtitle { xml.element("p", ["class": "subtitle"], text: subtitle) }
                for creator in metadata.creators { xml.element("p", ["class": "author"], text: creator.name) }
                if let publisher = metadata.publisher { xml.element("p", ["class": "publisher"], text: publisher) }
                return
            }
            // A title page that does not print the title (it came from elsewhere) is headed by it all the same; one that
            // prints it over several lines has them in its heading.
            let roles = source.roles(metadata)
            if !roles.contains(.title) { xml.element("h1", text: title) }
            var index = 0
            while index < source.blocks.count {
                let block = source.blocks[index]
                guard case .paragraph(let line, _) = block else {
                    renderer.block(block)
                    index += 1
                    continue
                }
                if roles[index] == .title {
                    let end = roles[index...].firstIndex { $0 != .title } ?? roles.count
                    xml.element("h1") {
                        for (offset, block) in source.blocks[index..<end].enumerated() {
                            if offset > 0 { xml.element("br") }
                            if case .paragraph(let titleLine, _) = block { renderer.inlines(titleLine) }
                        }
                    }
                    index = end
                    continue
                }
                xml.element("p", ["class": "titlepage"]) { renderer.inlines(line) }
                index += 1
            }
        }
    }

    private func sourceDescription(_ document: Document) -> String {
        if let description = document.metadata.sourceDescription { return description }
        if let source = document.source { return "\(source.fileName) (plain text, SHA-256 \(source.sha256))" }
        return "Plain-text source"
    }
}
