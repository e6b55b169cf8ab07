import CPoppler

/// The pictures of one page, as poppler decodes them, each encoded as PNG by cairo. Only simple ones are kept: at
/// least 24 points on each side (not a rule or an ornament), on the page, not covering it (a scan's page image, a
/// background) and of 25 million pixels at most; a page keeps 20 at most.
enum PDFImages {
    static let smallestSide = 24.0
    static let largestPixelCount = 25_000_000
    static let perPage = 20

    /// Whether the file names an image at all (`/Image` as a name, or `/ImageMask`): an image XObject is a stream, and a
    /// PDF never compresses a stream into an object stream, so a file without the name has no picture to look for and
    /// its pages are not run through poppler's image listing (a tenth of the reading time). An image set inline in a
    /// page's content (`BI … EI`, for small marks) is not looked for.
    static func mayHold(_ bytes: [UInt8]) -> Bool {
        let name = Array("/Image".utf8)
        var start = bytes.startIndex
        while let found = bytes[start...].firstRange(of: name) {
            let next = found.upperBound < bytes.endIndex ? bytes[found.upperBound] : 0x20
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            if !isLetter || bytes[found.upperBound...].starts(with: Array("Mask".utf8)) { return true }
            start = found.upperBound
        }
        return false
    }

    /// Called with poppler's lock held.
    static func read(_ page: OpaquePointer, width: Double, height: Double) -> [PDFImage] {
        guard let mapping = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(mapping) }
        var images: [PDFImage] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node, images.count < perPage {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            let placed = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee
            let area = placed.area
            let left = max(0, min(area.x1, area.x2)), right = min(width, max(area.x1, area.x2))
            let top = max(0, min(area.y1, area.y2)), bottom = min(height, max(area.y1, area.y2))
            guard [left, right, top, bottom].allSatisfy(\.isFinite), right - left >= smallestSide, bottom - top >= smallestSide,
                  (right - left) * (bottom - top) < 0.9 * width * height else { continue }
            guard let surface = poppler_page_get_image(page, placed.image_id) else { continue }
            defer { cairo_surface_destroy(surface) }
            let pixelWidth = Int(cairo_image_surface_get_width(surface)), pixelHeight = Int(cairo_image_surface_get_height(surface))
            guard pixelWidth > 0, pixelHeight > 0, pixelWidth * pixelHeight <= largestPixelCount, let png = encode(surface) else { continue }
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
