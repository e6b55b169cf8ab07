import BinderyModel
import BinderyText
import BinderyWriters
import Crypto
import Foundation

/// The pure half of the pipeline: source bytes in, a `Document` and the bytes of each output out.
/// Used by `bindery convert` and by the daemon's jobs alike.
public struct Converter: Sendable {
    public var readerOptions: ReaderOptions
    public var writerSettings: WriterSettings
    public var templates: TemplateSet

    public init(readerOptions: ReaderOptions = ReaderOptions(), writerSettings: WriterSettings = WriterSettings(), templates: TemplateSet = .bundled) {
        self.readerOptions = readerOptions
        self.writerSettings = writerSettings
        self.templates = templates
    }

    /// One source to read: its bytes, its file name and the time its outputs record.
    public struct Source: Sendable {
        public var bytes: [UInt8]
        /// The source's file name (`book.txt`); its stem names the outputs.
        public var fileName: String
        public var modified: Date
        /// The bytes of `NAME.meta.yaml` beside the source, when there is one.
        public var sidecar: [UInt8]?

        public init(bytes: [UInt8], fileName: String, modified: Date, sidecar: [UInt8]? = nil) {
            self.bytes = bytes
            self.fileName = fileName
            self.modified = modified
            self.sidecar = sidecar
        }

        /// The file name without its last extension: `book.txt` → `book`.
        public var stem: String {
            let url = URL(fileURLWithPath: fileName)
            return url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        }
    }

    public struct Result: Sendable {
        public var document: Document
        public var outputs: [(format: OutputFormat, bytes: [UInt8])]
        /// Wall time of each stage, in order: `read`, then one entry per format.
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Reads the source once and runs the writers of `formats` over the document.
    public func convert(_ source: Source, formats: [OutputFormat] = OutputFormat.allCases) throws(ConversionError) -> Result {
        let clock = ContinuousClock()
        var timings: [(stage: String, seconds: Double)] = []
        var started = clock.now
        func lap(_ stage: String) {
            let now = clock.now
            let elapsed = now - started
            timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            started = now
        }
        let document = try read(source)
        lap("read")
        let context = WriteContext(
            stem: source.stem, modified: source.modified, identifier: document.metadata.identifier ?? Self.identifier(for: source.bytes),
            settings: writerSettings, templates: templates)
        var outputs: [(format: OutputFormat, bytes: [UInt8])] = []
        for format in formats.sorted() {
            do {
                outputs.append((format, try format.writer.write(document, context: context)))
                lap(format.rawValue)
            } catch {
                throw ConversionError(file: source.fileName, "cannot write \(format.rawValue): \(error.message)")
            }
        }
        return Result(document: document, outputs: outputs, timings: timings)
    }

    /// Reads and analyses the source, applies the sidecar metadata and records the source facts.
    public func read(_ source: Source) throws(ConversionError) -> Document {
        var document: Document
        do {
            document = try TextReader(options: readerOptions).read(source.bytes)
        } catch {
            throw ConversionError(file: source.fileName, error.message)
        }
        let lineCount = source.bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
        document.source = SourceInfo(
            fileName: source.fileName, byteCount: source.bytes.count, sha256: Self.sha256(source.bytes),
            lineCount: lineCount + (source.bytes.last == 0x0A || source.bytes.isEmpty ? 0 : 1))
        if document.metadata.title == nil { document.metadata.title = source.stem }
        if let sidecar = source.sidecar {
            do {
                let metadata = try SidecarMetadata.parse(sidecar)
                metadata.apply(to: &document.metadata)
                if metadata.hasStructureSection {
                    document.diagnostics.append(Diagnostic(.warning, code: "sidecar.structure-ignored",
                        "\(source.stem).meta.yaml: the 'structure:' overrides are not supported yet and were not applied"))
                }
            } catch {
                document.diagnostics.append(Diagnostic(.error, code: "sidecar.invalid", "\(source.stem).meta.yaml: \(error)"))
            }
        }
        if document.metadata.identifier == nil { document.metadata.identifier = Self.identifier(for: source.bytes) }
        return document
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// A `urn:uuid:` made from the SHA-256 of the source (RFC 9562 version 8 layout): same text, same id.
    public static func identifier(for bytes: [UInt8]) -> String {
        var digest = Array(SHA256.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x80
        digest[8] = (digest[8] & 0x3F) | 0x80
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}

/// A source that could not be converted; `file` names it for the one-line message.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
