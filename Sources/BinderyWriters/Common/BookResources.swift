/// Files a document's sidecar adds to its e-book (pandoc's `cover-image` and `css`), as read beside the source.
public struct BookResources: Sendable, Hashable {
    /// A cover image in one of EPUB's core image types.
    public struct Image: Sendable, Hashable {
        public var bytes: [UInt8]
        public var mediaType: String
        /// The file name suffix of the media type (`jpg`, `png`, `gif`, `webp`, `svg`).
        public var fileExtension: String

        public init(bytes: [UInt8], mediaType: String, fileExtension: String) {
            self.bytes = bytes
            self.mediaType = mediaType
            self.fileExtension = fileExtension
        }

        /// The image type its first bytes show (JPEG, PNG, GIF, WebP, or SVG text), nil for any other.
        public init?(sniffing bytes: [UInt8]) {
            func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
                bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
            }
            if starts([0xFF, 0xD8, 0xFF]) {
                self.init(bytes: bytes, mediaType: "image/jpeg", fileExtension: "jpg")
            } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self.init(bytes: bytes, mediaType: "image/png", fileExtension: "png")
            } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
                self.init(bytes: bytes, mediaType: "image/gif", fileExtension: "gif")
            } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
                self.init(bytes: bytes, mediaType: "image/webp", fileExtension: "webp")
            } else if Self.isSVG(bytes) {
                self.init(bytes: bytes, mediaType: "image/svg+xml", fileExtension: "svg")
            } else {
                return nil
            }
        }

        /// UTF-8 text whose first element, after an XML declaration, comments or a doctype, is `<svg`.
        private static func isSVG(_ bytes: [UInt8]) -> Bool {
            guard let text = String(validating: bytes.prefix(4096), as: UTF8.self) ?? String(validating: bytes.prefix(4093), as: UTF8.self) else { return false }
            var rest = Substring(text).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            while rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                let close = rest.hasPrefix("<!--") ? "-->" : ">"
                guard let end = rest.range(of: close) else { return false }
                rest = rest[end.upperBound...].drop { $0.isWhitespace }
            }
            return rest.hasPrefix("<svg")
        }
    }

    /// A style sheet read after `bindery.css`, so that its rules win.
    public struct StyleSheet: Sendable, Hashable {
        public var text: String

        public init(text: String) {
            self.text = text
        }
    }

    public var cover: Image?
    public var styleSheets: [StyleSheet]

    public init(cover: Image? = nil, styleSheets: [StyleSheet] = []) {
        self.cover = cover
        self.styleSheets = styleSheets
    }
}
