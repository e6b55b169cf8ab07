import BinderyModel
import BinderyPDF
import BinderyText

/// A PDF source: told by its name or its `%PDF-` header, read by poppler into a transcript the text
/// reader reads like any other source (`PDFTranscriber`).
enum PDFSource {
    static func isPDF(_ source: Converter.Source) -> Bool {
        source.fileName.lowercased().hasSuffix(".pdf") || source.bytes.starts(with: Array("%PDF-".utf8))
    }

    static func transcript(_ source: Converter.Source, shouldStop: (@Sendable () -> Bool)?) throws(ConversionError) -> PDFTranscript {
        let extraction: PDFExtractor.Extraction
        do {
            extraction = try PDFExtractor().pages(of: source.bytes, shouldStop: shouldStop)
        } catch {
            throw ConversionError(file: source.fileName, error.message, isStopped: error.code == .stopped)
        }
        let pages = extraction.pages
        // Pictures alone (a scan's pages) are no text.
        guard pages.contains(where: { $0.lines.contains { $0.text.contains(where: \.isLetter) } }) else {
            throw ConversionError(file: source.fileName, "the PDF has no text layer (a scan?): OCR it first")
        }
        var transcript = PDFTranscriber().transcribe(pages)
        transcript.skippedPictures = extraction.skippedPictures
        return transcript
    }

    /// What the page told the reader beyond the transcript's words; `figures` are the transcript's (`figures(_:)`).
    static func printedLayout(_ transcript: PDFTranscript, figures: [Int: (figure: Figure, image: DocumentImage)]) -> PrintedLayout {
        PrintedLayout(headingRanks: transcript.headingRanks, marksParagraphs: true, verseLines: transcript.verseLines,
                      quoteLines: transcript.quoteLines, headingStarts: transcript.headingStarts, centredLines: transcript.centredLines,
                      figures: figures.mapValues(\.figure))
    }

    /// The transcript's pictures, numbered in reading order (`figure-1.png`…), by their place-holder's line.
    static func figures(_ transcript: PDFTranscript) -> [Int: (figure: Figure, image: DocumentImage)] {
        var result: [Int: (figure: Figure, image: DocumentImage)] = [:]
        for (number, line) in transcript.figures.keys.sorted().enumerated() {
            let picture = transcript.figures[line]!
            let name = "figure-\(number + 1).png"
            let page = transcript.origins.indices.contains(line - 1) ? transcript.origins[line - 1].prefix { $0 != "," } : ""
            let description = "Picture \(number + 1) of the source" + (page.isEmpty ? "" : ", printed on \(page)")
            result[line] = (Figure(image: name, description: description),
                            DocumentImage(name: name, mediaType: "image/png", bytes: picture.png, width: picture.width, height: picture.height))
        }
        return result
    }

    /// The proof's lines: each transcript line followed by where it was printed.
    static func placed(_ lines: [String], _ transcript: PDFTranscript) -> [String] {
        lines.enumerated().map { index, line in
            index < transcript.origins.count && !transcript.origins[index].isEmpty ? "\(line)    ⟨\(transcript.origins[index])⟩" : line
        }
    }
}
