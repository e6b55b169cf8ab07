import CCairo

/// A type face: family, slant, weight and size in points.
struct TypeFace: Hashable, Sendable {
    /// A serif family installed with the test machine's fonts (`fc-list`: fonts-liberation2).
    static let serifFamily = "Liberation Serif"

    var size: Double
    var italic = false
    var bold = false
    var family = TypeFace.serifFamily

    func sized(_ size: Double) -> TypeFace {
        var copy = self
        copy.size = size
        return copy
    }

    func italicised(_ italic: Bool = true) -> TypeFace {
        var copy = self
        copy.italic = italic
        return copy
    }
}

/// A PDF drawn with cairo into memory: pages of one size, text placed by its baseline in points from the
/// page's top left. `finish()` returns the file's bytes.
final class PDFCanvas {
    let width: Double
    let height: Double
    private let sink = Sink()
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private var finished = false

    /// Where cairo's stream writes the PDF.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    private func select(_ face: TypeFace) {
        cairo_select_font_face(context, face.family, face.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                               face.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, face.size)
    }

    /// How far `text` advances the pen in `face`.
    func advance(_ text: String, in face: TypeFace) -> Double {
        select(face)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` with its baseline's left end at (`x`, `baseline`); returns where the pen ends.
    @discardableResult
    func text(_ text: String, x: Double, baseline: Double, in face: TypeFace) -> Double {
        select(face)
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_move_to(context, x, baseline)
        cairo_show_text(context, text)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return x + extents.x_advance
    }

    /// A filled grey rectangle: a picture with no text (a scanned page's stand-in).
    func rectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_set_source_rgb(context, 0.4, 0.4, 0.4)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    /// A raster picture of `pixels` × `pixels` (a red disc on a blue ground) drawn into the box at (`x`, `y`), `size` points wide.
    func picture(x: Double, y: Double, size: Double, pixels: Int32 = 64) {
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels)
        let painter = cairo_create(image)
        cairo_set_source_rgb(painter, 0.2, 0.3, 0.8)
        cairo_paint(painter)
        cairo_set_source_rgb(painter, 0.9, 0.1, 0.1)
        cairo_arc(painter, Double(pixels) / 2, Double(pixels) / 2, Double(pixels) / 3, 0, 2 * Double.pi)
        cairo_fill(painter)
        cairo_destroy(painter)
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_scale(context, size / Double(pixels), size / Double(pixels))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
        cairo_surface_destroy(image)
    }

    /// Ends the current page (drawn on or not); what is drawn next goes on a new one.
    func endPage() {
        cairo_show_page(context)
    }

    /// Ends the surface and returns the PDF's bytes; a page left open is emitted (cairo drops it unless shown).
    func finish(showingOpenPage: Bool = true) -> [UInt8] {
        if !finished {
            if showingOpenPage { cairo_show_page(context) }
            cairo_surface_finish(surface)
            finished = true
        }
        return sink.bytes
    }
}
