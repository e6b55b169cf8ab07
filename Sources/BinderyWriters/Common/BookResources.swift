/// Files a document's sidecar adds to its e-book (pandoc's `cover-image` and `css`), as read beside the source.
public struct BookResources: Sendable, Hashable {
    /// A cover image in one of EPUB's core raster image types.
    public struct Image: Sendable, Hashable {
        public var bytes: [UInt8]
        public var mediaType: String
        /// The file name suffix of the media type (`jpg`, `png`, `gif`, `webp`).
        public var fileExtension: String

        public init(bytes: [UInt8], mediaType: String, fileExtension: String) {
            self.bytes = bytes
            self.mediaType = mediaType
            self.fileExtension = fileExtension
        }

        /// The image type its first bytes show (JPEG, PNG, GIF or WebP), nil for any other. An SVG is not taken: it
        /// may hold scripts or links to files the e-book would not carry.
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
            } else {
                return nil
            }
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
