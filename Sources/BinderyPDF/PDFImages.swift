import CPoppler

/// The pictures of one page, as poppler decodes them, each encoded as PNG by cairo. Only simple ones are kept: at
/// least 24 points on each side (not a rule or an ornament), on the page, not covering it (a scan's page image, a
/// background) and of 25 million pixels at most; a page looks at 20 at most, a document keeps 200 and 64 MB of PNG.
/// Poppler decodes a picture whole before its size is known: a file whose image dictionaries declare one over the
/// limit (`/Width`, `/Height`) has none of its pictures decoded.
enum PDFImages {
    static let smallestSide = 24.0
    static let largestPixelCount = 25_000_000
    static let perPage = 20
    static let perDocument = 200
    static let documentBytes = 64 << 20

    /// What is left of a document's allowance, and what was left out and why (for the conversion's warning).
    struct Budget {
        var pictures = PDFImages.perDocument
        var bytes = PDFImages.documentBytes
        var skipped: [String] = []
    }

    /// Whether the file names an image at all (`/Image` as a name, or `/ImageMask`): an image XObject is a stream, and a
    /// PDF never compresses a stream into an object stream, so a file without the name has no picture to look for and
    /// its pages are not run through poppler's image listing (a tenth of the reading time). An image set inline in a
    /// page's content (`BI … EI`, for small marks) is not looked for.
    static func mayHold(_ bytes: [UInt8]) -> Bool { !imageNames(in: bytes, first: true).isEmpty }

    /// The largest pixel count an image dictionary of the file declares (`/Width` and `/Height` beside its `/Image`).
    static func largestDeclared(_ bytes: [UInt8]) -> Int {
        imageNames(in: bytes, first: false).map { at in
            let window = bytes[max(bytes.startIndex, at - 400)..<min(bytes.endIndex, at + 400)]
            return (number(after: "/Width", in: window) ?? 0) * (number(after: "/Height", in: window) ?? 0)
        }.max() ?? 0
    }

    /// Offsets of `/Image` names (not `/ImageB`, `/ImageC`, `/ImageI` of a resource's procedure sets); the first only when asked.
    private static func imageNames(in bytes: [UInt8], first: Bool) -> [Int] {
        let name = Array("/Image".utf8), mask = Array("Mask".utf8)
        var found: [Int] = [], start = bytes.startIndex
        while let range = bytes[start...].firstRange(of: name) {
            let next = range.upperBound < bytes.endIndex ? bytes[range.upperBound] : 0x20
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            if !isLetter || bytes[range.upperBound...].starts(with: mask) {
                found.append(range.lowerBound)
                if first { break }
            }
            start = range.upperBound
        }
        return found
    }

    /// The whole number written after `key` in `window` (`/Width 640`), if any; at most nine digits.
    private static func number(after key: String, in window: ArraySlice<UInt8>) -> Int? {
        guard let range = window.firstRange(of: Array(key.utf8)) else { return nil }
        let digits = window[range.upperBound...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }.prefix { (0x30...0x39).contains($0) }
        guard (1...9).contains(digits.count) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The page's pictures, within what `budget` allows. Called with poppler's lock held.
    static func read(_ page: OpaquePointer, index: Int, width: Double, height: Double, budget: inout Budget) -> [PDFImage] {
        guard let mapping = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(mapping) }
        var images: [PDFImage] = [], looked = 0
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            let placed = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee
            let area = placed.area
            let left = max(0, min(area.x1, area.x2)), right = min(width, max(area.x1, area.x2))
            let top = max(0, min(area.y1, area.y2)), bottom = min(height, max(area.y1, area.y2))
            guard [left, right, top, bottom].allSatisfy(\.isFinite), right - left >= smallestSide, bottom - top >= smallestSide,
                  (right - left) * (bottom - top) < 0.9 * width * height else { continue }
            // Every picture decoded counts, kept or not: a page that draws one picture a thousand times is read once in 20.
            guard looked < perPage, budget.pictures > 0, budget.bytes > 0 else {
                budget.skipped.append("p. \(index): past the \(looked >= perPage ? "\(perPage) a page" : "document's \(perDocument) or 64 MB")")
                continue
            }
            looked += 1
            guard let surface = poppler_page_get_image(page, placed.image_id) else { continue }
            defer { cairo_surface_destroy(surface) }
            let pixelWidth = Int(cairo_image_surface_get_width(surface)), pixelHeight = Int(cairo_image_surface_get_height(surface))
            guard pixelWidth > 0, pixelHeight > 0, pixelWidth * pixelHeight <= largestPixelCount else {
                budget.skipped.append("p. \(index): \(pixelWidth) × \(pixelHeight) pixels, over 25 million")
                continue
            }
            guard let png = encode(surface) else {
                budget.skipped.append("p. \(index): not encodable as PNG")
                continue
            }
            budget.pictures -= 1
            budget.bytes -= png.count
            images.append(PDFImage(left: left, top: top, right: right, bottom: bottom, png: png, width: pixelWidth, height: pixelHeight))
        }
        return images.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
    }

    /// The surface as a PNG file; nil when cairo cannot write it.
    private static func encode(_ surface: OpaquePointer) -> [UInt8]? {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return status == CAIRO_STATUS_SUCCESS && !sink.bytes.isEmpty ? sink.bytes : nil
    }
}
