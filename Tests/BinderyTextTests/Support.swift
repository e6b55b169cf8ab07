@testable import BinderyText

/// Source lines from a literal, numbered from 1.
func sourceLines(_ text: String) -> [SourceLine] {
    // As the reader sees them: form feeds become lines of their own.
    let lines = (try? TextDecoder().decode(Array(text.utf8)).lines) ?? []
    return lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
}

/// A document read from a literal.
func read(_ text: String, options: ReaderOptions = ReaderOptions()) throws -> BinderyModel.Document {
    try TextReader(options: options).read(Array(text.utf8))
}

import BinderyModel

/// The headings of a document read, with their levels, in order.
func headings(_ document: BinderyModel.Document) -> [(level: Int, text: String)] {
    document.blocks.compactMap { block in
        if case .heading(let heading) = block { (heading.level, heading.inlines.plainText) } else { nil }
    }
}
