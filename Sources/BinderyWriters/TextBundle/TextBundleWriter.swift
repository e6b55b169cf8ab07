import BinderyArchive
import BinderyModel
import Crypto
import Foundation

/// The plain-text bundle: a BagIt 1.0 bag (RFC 8493) zipped under one top folder, holding the reading
/// text, the page texts, the metadata and the diagnostics, with SHA-256 manifests.
public struct TextBundleWriter: DocumentWriter {
    /// libdeflate level 1: a third of the time zlib level 2 took, for a smaller container (BENCHMARKS.md).
    static let deflateLevel = 1

    public init() {}

    public func write(_ document: Document, context: WriteContext) throws(WriterError) -> [UInt8] {
        do {
            return try build(document, context: context)
        } catch {
            throw WriterError(format: "text", "\(error)")
        }
    }

    /// How many blank-separated paragraphs the reading text opens with (its title block), for comparing its text with the TEI's.
    public static func titleBlockParagraphs(_ document: Document) -> Int {
        ReadingText.titleBlock(document.metadata, SourceTitlePage.split(document.blocks).titlePage).count
    }

    private func build(_ document: Document, context: WriteContext) throws -> [UInt8] {
        let stem = Self.safeName(context.stem)
        var payload: [(path: String, bytes: [UInt8])] = []
        let reading = ReadingText(document: document, wrapWidth: context.settings.textWrapWidth, noteLevel: context.settings.epubSplitLevel).render()
        payload.append(("data/\(stem).txt", reading))
        let pages = PageTexts(document: document, numbering: PageNumbering(document: document))
        let pageFiles = pages.fileNames
        for (page, name) in zip(pages.pages, pageFiles) {
            payload.append(("data/\(name)", Array((page.text.isEmpty ? "" : page.text + "\n").utf8)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let metadata = BagMetadata(document: document, context: context, pageFiles: pageFiles, pageNumbers: pages.pages.map(\.number))
        payload.append(("data/metadata.json", Array(try encoder.encode(metadata)) + [0x0A]))
        payload.append(("data/diagnostics.json", Array(try encoder.encode(document.diagnostics)) + [0x0A]))
        if let cover = context.resources.cover { payload.append(("data/cover.\(cover.fileExtension)", cover.bytes)) }
        for image in document.shownImages { payload.append(("data/images/\(image.name)", image.bytes)) }

        let bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
        let octets = payload.reduce(0) { $0 + $1.bytes.count }
        let bagInfo = [
            "Source-Organization: \(Self.oneLine(context.settings.publisher))",
            "Bagging-Date: \(Timestamps.day(context.modified))",
            "External-Identifier: \(context.identifier)",
            "External-Description: \(Self.oneLine("Plain-text reading edition of \(document.metadata.title ?? stem), made by Bindery \(BinderyVersion.current)"))",
            "Payload-Oxum: \(octets).\(payload.count)",
            "Bag-Size: \(Self.humanSize(octets))",
            "Bag-Software-Agent: Bindery \(BinderyVersion.current)",
        ].joined(separator: "\n") + "\n"
        let manifest = payload.map { "\(Self.sha256($0.bytes))  \($0.path)" }.joined(separator: "\n") + "\n"
        let tags: [(String, String)] = [("bagit.txt", bagit), ("bag-info.txt", bagInfo), ("manifest-sha256.txt", manifest)]
        let tagManifest = tags.map { "\(Self.sha256(Array($0.1.utf8)))  \($0.0)" }.joined(separator: "\n") + "\n"

        var zip = ZipArchiveWriter(modified: context.modified, deflateLevel: Self.deflateLevel)
        for (name, text) in tags { zip.add("\(stem)/\(name)", text: text) }
        zip.add("\(stem)/tagmanifest-sha256.txt", text: tagManifest)
        for file in payload { zip.add("\(stem)/\(file.path)", file.bytes) }
        return try zip.archive()
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        Digits.sha256(bytes)
    }

    /// Tag values are single lines.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A folder and file name with no path separators or control characters.
    static func safeName(_ stem: String) -> String {
        let cleaned = String(stem.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "document" : cleaned
    }

    private static func humanSize(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
