import BinderyModel

/// A note as the comparison sees it: its number, the reading text before its marker in the paragraph, its text.
struct SimNote: Hashable, Sendable {
    var number: String
    var before: String
    var text: String
}

/// A block of the book as compared: heading (level, text), paragraph or quotation (text), with its notes.
struct SimItem: Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        case quote
        /// Anything else the reader made (verse, list, scene break…), by name.
        case other(String)
    }

    var kind: Kind
    var text: String
    var notes: [SimNote] = []

    var description: String {
        let shown = text.count > 70 ? text.prefix(67) + "…" : Substring(text)
        return switch kind {
        case .heading(let level): "heading(\(level)) «\(shown)»"
        case .paragraph: "paragraph «\(shown)»"
        case .quote: "quote «\(shown)»"
        case .other(let name): "\(name) «\(shown)»"
        }
    }
}

extension String {
    /// Runs of whitespace made one space, none at the ends.
    var whitespaceNormalized: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The letter-and-digit words, for headings whose punctuation may differ (`Chapter 4. Title`, `Chapter 4 Title`).
    var headingWords: [Substring] {
        split { !$0.isLetter && !$0.isNumber }
    }
}
