import BinderyModel
import BinderyPDF
import BinderyText
import BinderyWriters
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
        public let bytes: [UInt8]
        /// The SHA-256 of `bytes`, taken once: the job key, `SourceInfo` and the default identifier share it.
        public let digest: ContentDigest
        /// The source's file name (`book.txt`); its stem names the outputs.
        public var fileName: String
        public var modified: Date
        /// The bytes of `NAME.meta.yaml` beside the source, when there is one.
        public var sidecar: [UInt8]?
        /// The files the sidecar names (`SidecarResources`), by the paths it gives, as read beside the source.
        public var resources: [String: [UInt8]]

        /// `digest`, when the caller hashed `bytes` already; else it is taken here.
        public init(bytes: [UInt8], fileName: String, modified: Date, sidecar: [UInt8]? = nil, resources: [String: [UInt8]] = [:], digest: ContentDigest? = nil) {
            self.bytes = bytes
            self.digest = digest ?? ContentDigest(bytes)
            self.fileName = fileName
            self.modified = modified
            self.sidecar = sidecar
            self.resources = resources
        }

        /// The file name without its last extension: `book.txt` → `book` (`SourceNaming`).
        public var stem: String { SourceNaming.stem(of: fileName) }
    }

    public struct Result: Sendable {
        public var document: Document
        public var outputs: [(format: OutputFormat, bytes: [UInt8])]
        /// Wall time of each stage, in order: `read`, then one entry per format.
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Reads the source once, then runs the writers of `formats` over the document concurrently.
    /// `shouldStop` is asked between the reader's stages and before the writers (see `TextReader.shouldStop`).
    public func convert(
        _ source: Source, formats: [OutputFormat] = OutputFormat.publications, shouldStop: (@Sendable () -> Bool)? = nil
    ) throws(ConversionError) -> Result {
        let clock = ContinuousClock()
        @Sendable func seconds(_ elapsed: Duration) -> Double {
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let started = clock.now
        let (document, lines, resources) = try analysis(source, shouldStop: shouldStop)
        if shouldStop?() == true { throw ConversionError(file: source.fileName, "stopped before the writers", isStopped: true) }
        var timings: [(stage: String, seconds: Double)] = [("read", seconds(clock.now - started))]
        var context = WriteContext(
            stem: source.stem, modified: source.modified, identifier: document.metadata.identifier ?? source.digest.identifier,
            settings: writerSettings, templates: templates)
        context.resources = resources
        if formats.contains(.proof) { context.sourceLines = lines }
        // The writers only read the document: each runs on its own core; timings are each writer's own wall time.
        let ordered = formats.sorted()
        let slots = ConcurrentSlots<(bytes: Swift.Result<[UInt8], WriterError>, seconds: Double)>(count: ordered.count)
        DispatchQueue.concurrentPerform(iterations: ordered.count) { [context] index in
            let writerStarted = clock.now
            let bytes = Swift.Result { () throws(WriterError) -> [UInt8] in try ordered[index].writer.write(document, context: context) }
            slots.set(index, (bytes, seconds(clock.now - writerStarted)))
        }
        var outputs: [(format: OutputFormat, bytes: [UInt8])] = []
        for (format, slot) in zip(ordered, slots.values) {
            guard let slot else { continue }
            switch slot.bytes {
            case .success(let bytes): outputs.append((format, bytes))
            case .failure(let error): throw ConversionError(file: source.fileName, "cannot write \(format.rawValue): \(error.message)")
            }
            timings.append((format.rawValue, slot.seconds))
        }
        return Result(document: document, outputs: outputs, timings: timings)
    }

    /// Reads and analyses the source, applies the sidecar metadata and records the source facts.
    public func read(_ source: Source) throws(ConversionError) -> Document {
        try analyse(source).document
    }

    /// `read`, also returning the decoded source lines (for the proof). A sidecar that cannot be read (invalid YAML, over a
    /// limit) is reported as an error and not applied; a key with a problem is reported as a warning and left out.
    public func analyse(_ source: Source, shouldStop: (@Sendable () -> Bool)? = nil) throws(ConversionError) -> (document: Document, lines: [String]) {
        let (document, lines, _) = try analysis(source, shouldStop: shouldStop)
        return (document, lines)
    }

    /// `analyse`, also returning the cover image and style sheets the sidecar names (`SidecarResources`).
    private func analysis(_ source: Source, shouldStop: (@Sendable () -> Bool)?) throws(ConversionError) -> (Document, [String], BookResources) {
        // A PDF is read as its transcript: its lines are the ones a sidecar's `line:` rules and the proof count.
        let transcript = try PDFSource.isPDF(source) ? PDFSource.transcript(source, shouldStop: shouldStop) : nil
        let text = transcript.map { Array($0.text.utf8) } ?? source.bytes
        let lineCount = transcript?.origins.count ?? LineSplit.count(text)
        let pictures = transcript.map(PDFSource.figures) ?? [:]
        let sidecarName = SourceNaming.sidecar(of: source.fileName)
        var sidecar: SidecarMetadata?
        var sidecarProblems: [SidecarError.Problem] = []
        if let bytes = source.sidecar {
            do {
                sidecar = try SidecarMetadata.parse(bytes, sidecarName: sidecarName, sourceLineCount: lineCount)
            } catch {
                sidecarProblems = error.problems
            }
        }
        var document: Document
        var lines: [String]
        do {
            var options = readerOptions
            options.language = sidecar?.language ?? options.language
            let reader = TextReader(options: options, overrides: sidecar?.structure,
                                    printed: transcript.map { PDFSource.printedLayout($0, figures: pictures) } ?? PrintedLayout(),
                                    shouldStop: shouldStop)
            (document, lines) = try reader.readWithLines(text)
        } catch {
            throw ConversionError(file: source.fileName, error.message, isStopped: error.code == .stopped)
        }
        if let transcript {
            lines = PDFSource.placed(lines, transcript)
            // Only pictures the reader placed as figures go into the outputs; one it did not place is reported, never dropped unsaid.
            let figures = pictures.sorted { $0.key < $1.key }.map(\.value)
            document.images = figures.map(\.image)
            let shown = Set(document.shownImages.map(\.name))
            for (figure, _) in figures where !shown.contains(figure.image) {
                document.diagnostics.append(Diagnostic(.warning, code: "pdf.picture-not-placed", "\(figure.description) could not be placed in the text and was left out"))
            }
            document.images = document.shownImages
            if !transcript.skippedPictures.isEmpty {
                let listed = transcript.skippedPictures.prefix(5).joined(separator: "; ")
                document.diagnostics.append(Diagnostic(.warning, code: "pdf.picture-skipped",
                    "\(transcript.skippedPictures.count) picture(s) of the PDF left out: \(listed)\(transcript.skippedPictures.count > 5 ? "; …" : "")"))
            }
            document.diagnostics.insert(Diagnostic(.info, code: "pdf.layout", transcript.summary), at: 0)
            document.editorial.insert(EditorialNote(.interpretation, "The text was read from a PDF with poppler and its structure from the "
                + "printed page: headings from their type sizes, paragraphs, quotations and verse from the lines' positions, italics from "
                + "the fonts, note markers from raised small figures; \(transcript.summary)."), at: 0)
        }
        for problem in sidecarProblems {
            document.diagnostics.append(Diagnostic(.error, code: "sidecar.invalid",
                "\(sidecarName): \(problem); the sidecar was not applied, the document was read by inference alone"))
        }
        for problem in sidecar?.problems ?? [] {
            // A problem in `structure:` leaves out the whole section: its rules are read together.
            let left = problem.key.map { $0 == "structure" || $0.hasPrefix("structure.") } == true ? "the structure section was left out" : "that key was left out"
            document.diagnostics.append(Diagnostic(.warning, code: "sidecar.invalid", "\(sidecarName): \(problem); \(left), the rest of the sidecar applied"))
        }
        document.source = SourceInfo(fileName: source.fileName, byteCount: source.bytes.count, sha256: source.digest.hex, lineCount: lineCount)
        if document.metadata.title == nil { document.metadata.title = source.stem }
        sidecar?.apply(to: &document.metadata)
        document.diagnostics = Self.settlingMetadataDoubts(document.diagnostics, sidecar: sidecar, sidecarName: sidecarName)
        if document.metadata.identifier == nil { document.metadata.identifier = source.digest.identifier }
        let (resources, resourceProblems) = SidecarResources.resolve(sidecar, files: source.resources, sidecarName: sidecarName)
        document.diagnostics += resourceProblems
        return (document, lines, resources)
    }

    /// The reader's doubts about the title and author: gone where the sidecar gives the key, else naming it.
    static func settlingMetadataDoubts(_ diagnostics: [Diagnostic], sidecar: SidecarMetadata?, sidecarName: String) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            let key: String
            switch diagnostic.code {
            case "metadata.title-missing", "metadata.title-from-heading": key = "title"
            case "metadata.author-missing": key = "author"
            default: return diagnostic
            }
            if key == "title" ? sidecar?.title != nil : sidecar?.authors != nil { return nil }
            var settled = diagnostic
            settled.message += "; set `\(key):` in \(sidecarName) to give it"
            return settled
        }
    }

    /// The SHA-256 of `bytes` in hex (`ContentDigest.hex`).
    public static func sha256(_ bytes: [UInt8]) -> String {
        ContentDigest(bytes).hex
    }

    /// The default identifier of a source with these bytes (`ContentDigest.identifier`).
    public static func identifier(for bytes: [UInt8]) -> String {
        ContentDigest(bytes).identifier
    }
}

/// A source that could not be converted; `file` names it for the one-line message.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    /// The conversion was stopped by its caller's `shouldStop`, not refused for its input.
    public var isStopped: Bool

    public init(file: String, _ message: String, isStopped: Bool = false) {
        self.file = file
        self.message = message
        self.isStopped = isStopped
    }

    public var description: String { "\(file): \(message)" }
}
