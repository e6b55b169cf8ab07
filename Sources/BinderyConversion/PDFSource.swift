import BinderyPDF
import BinderyText

/// A PDF source: told by its name or its `%PDF-` header, read by poppler into a transcript the text
/// reader reads like any other source (`PDFTranscriber`).
enum PDFSource {
    static func isPDF(_ source: Converter.Source) -> Bool {
        source.fileName.lowercased().hasSuffix(".pdf") || source.bytes.starts(with: Array("%PDF-".utf8))
    }

    static func transcript(_ source: Converter.Source, shouldStop: (@Sendable () -> Bool)?) throws(ConversionError) -> PDFTranscript {
        let pages: [PDFPage]
        do {
            pages = try PDFExtractor().pages(of: source.bytes, shouldStop: shouldStop)
        } catch {
            throw ConversionError(file: source.fileName, error.message, isStopped: error.code == .stopped)
        }
        let transcript = PDFTranscriber().transcribe(pages)
        guard transcript.text.contains(where: { $0.isLetter }) else {
            throw ConversionError(file: source.fileName, "the PDF has no text layer (a scan?): OCR it first")
        }
        return transcript
    }

    /// What the page told the reader beyond the transcript's words.
    static func printedLayout(_ transcript: PDFTranscript) -> PrintedLayout {
        PrintedLayout(headingRanks: transcript.headingRanks, marksParagraphs: true, verseLines: transcript.verseLines,
                      quoteLines: transcript.quoteLines, headingStarts: transcript.headingStarts, centredLines: transcript.centredLines)
    }

    /// The proof's lines: each transcript line followed by where it was printed.
    static func placed(_ lines: [String], _ transcript: PDFTranscript) -> [String] {
        lines.enumerated().map { index, line in
            index < transcript.origins.count && !transcript.origins[index].isEmpty ? "\(line)    ⟨\(transcript.origins[index])⟩" : line
        }
    }
}
