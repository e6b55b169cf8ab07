import CPoppler
import Synchronization

/// Reads a PDF's pages with poppler (its glib interface): the text in reading order, each character's box
/// and each run's font. Poppler's objects never leave this file, and one call into poppler runs at a time in
/// the process (poppler keeps global state — fonts, caches — that it does not promise to share between
/// threads): the lock is taken per page, so that PDFs read on several threads take turns page by page.
package struct PDFExtractor: Sendable {
    package init() {}

    private static let poppler = Mutex(())

    /// What a PDF gave: its pages, and the pictures left out and why.
    package struct Extraction: Sendable {
        package var pages: [PDFPage]
        package var skippedPictures: [String]
    }

    /// The pages of `bytes`; `shouldStop` is asked before each page (a cancelled job stops within a page).
    package func pages(of bytes: [UInt8], shouldStop: (@Sendable () -> Bool)? = nil) throws(PDFError) -> Extraction {
        guard bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil else {
            throw PDFError(.unreadable, "not a PDF: no %PDF- header")
        }
        let opened: Result<UnsafeMutableRawPointer, PDFError> = Self.poppler.withLock { _ in
            Result { () throws(PDFError) -> UnsafeMutableRawPointer in UnsafeMutableRawPointer(try open(bytes)) }
        }
        let document = try opened.get()
        defer { Self.poppler.withLock { _ in g_object_unref(document) } }
        let count = Self.poppler.withLock { _ in Int(poppler_document_get_n_pages(OpaquePointer(document))) }
        // Pictures are looked for where the file names any, and none is decoded where one is declared too large to decode.
        var skippedPictures: [String] = []
        var pictures: PDFImages.Budget? = PDFImages.mayHold(bytes) ? PDFImages.Budget() : nil
        let largest = pictures == nil ? 0 : PDFImages.largestDeclared(bytes)
        if largest > PDFImages.largestPixelCount {
            pictures = nil
            skippedPictures = ["the file declares a picture of \(largest) pixels, over 25 million: none of its pictures was read"]
        }
        var pages: [PDFPage] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            if shouldStop?() == true { throw PDFError(.stopped, "stopped at page \(index + 1) of \(count)") }
            // A page poppler cannot give stays in the list, empty: odd and even pages keep their places.
            let read = Self.poppler.withLock { _ -> PDFPage in
                guard let page = poppler_document_get_page(OpaquePointer(document), Int32(index)) else {
                    return PDFPage(index: index + 1, width: 1, height: 1, lines: [])
                }
                defer { g_object_unref(UnsafeMutableRawPointer(page)) }
                return self.read(page, index: index + 1, pictures: &pictures)
            }
            pages.append(read)
        }
        return Extraction(pages: pages, skippedPictures: skippedPictures + (pictures?.skipped ?? []))
    }

    private func open(_ bytes: [UInt8]) throws(PDFError) -> OpaquePointer {
        var error: UnsafeMutablePointer<GError>?
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            let encrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
            let reason = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler gave no reason"
            if let error { g_error_free(error) }
            if encrypted { throw PDFError(.encrypted, "the PDF is encrypted; decrypt it first") }
            throw PDFError(.unreadable, "not a readable PDF: \(reason)")
        }
        return document
    }

    private static func onPage(_ box: PopplerRectangle, width: Double, height: Double) -> Bool {
        let values = [box.x1, box.x2, box.y1, box.y2]
        return values.allSatisfy(\.isFinite) && box.x1 >= -width && box.x2 <= width * 2 && box.y1 >= -height && box.y2 <= height * 2
    }

    private static func plausible(size: Double, height: Double) -> Bool {
        size.isFinite && size > 0 && size <= height
    }

    private func read(_ page: OpaquePointer, index: Int, pictures: inout PDFImages.Budget?) -> PDFPage {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        // A page of no size, or of an impossible one (a crafted MediaBox), gives no text.
        guard width.isFinite, height.isFinite, width > 1, height > 1, width < 20_000, height < 20_000 else {
            return PDFPage(index: index, width: 1, height: 1, lines: [])
        }
        var result = PDFPage(index: index, width: width, height: height, lines: [])
        if pictures != nil { result.images = PDFImages.read(page, index: index, width: width, height: height, budget: &pictures!) }
        guard let text = poppler_page_get_text(page) else { return result }
        defer { g_free(text) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else { return result }
        defer { g_free(rectangles) }
        let attributes = poppler_page_get_text_attributes(page)
        defer { poppler_page_free_text_attributes(attributes) }
        var runs: [(start: Int, end: Int, font: String, size: Double)] = []
        var node = attributes
        while let current = node {
            if let raw = current.pointee.data {
                let run = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                runs.append((Int(run.start_index), Int(run.end_index), run.font_name.map { String(cString: $0) } ?? "", run.font_size))
            }
            node = current.pointee.next
        }
        let scalars = Array(String(cString: text).unicodeScalars)
        let count = min(scalars.count, Int(rectangleCount))
        var runIndex = 0
        var line: [PDFSpan] = []
        var span: PDFSpan?
        var spanRun = -1
        func closeSpan() {
            if let finished = span, !finished.text.isEmpty { line.append(finished) }
            span = nil
        }
        func closeLine() {
            closeSpan()
            if line.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) { result.lines.append(PDFLine(spans: line)) }
            line = []
        }
        for position in 0..<count {
            let scalar = scalars[position]
            if scalar == "\n" {
                closeLine()
                continue
            }
            while runIndex < runs.count, runs[runIndex].end < position { runIndex += 1 }
            let run = runIndex < runs.count && runs[runIndex].start <= position ? runIndex : -1
            let box = rectangles[position]
            // A character placed off the page or in an impossible size (a crafted file) is no text of the page's.
            guard Self.onPage(box, width: width, height: height), run < 0 || Self.plausible(size: runs[run].size, height: height) else { continue }
            if run != spanRun || span == nil {
                closeSpan()
                spanRun = run
                let font = run >= 0 ? runs[run].font : ""
                let size = run >= 0 ? runs[run].size : 0
                span = PDFSpan(text: "", font: font, size: size, left: box.x1, right: box.x2, top: box.y1, bottom: box.y2)
            }
            if scalar == " ", span!.firstWordEnd == nil, span!.text.unicodeScalars.contains(where: { $0 != " " }) {
                span!.firstWordEnd = span!.right
            }
            span!.text.unicodeScalars.append(scalar)
            if scalar != " " {
                span!.right = max(span!.right, box.x2)
                span!.top = min(span!.top, box.y1)
                span!.bottom = max(span!.bottom, box.y2)
            }
        }
        closeLine()
        return result
    }
}
