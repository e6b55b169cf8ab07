/// Sentences that end and begin inside a line (`… said. “Go` ), counted with whether a quotation closes the one and
/// opens the other: how the document's sentences meet inside its paragraphs.
enum InlineSentences {
    static func isEnder(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case ".", "!", "?", "…": true; default: false }
    }

    static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "”", "’", "\"", "'", "»": true; default: false }
    }

    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "“", "‘", "\"", "«", "„", "—": true; default: false }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func count(_ texts: some Sequence<String>) -> (total: Int, closed: Int, opened: Int) {
        var total = 0, closed = 0, opened = 0
        for text in texts {
            // 0 text, 1 after an ender, 2 after ender and closing quote, 3 after the space, 4 after an opener.
            var state = 0, wasClosed = false
            for scalar in text.unicodeScalars {
                switch state {
                case 1 where isClosingQuote(scalar), 2 where isClosingQuote(scalar):
                    state = 2; wasClosed = true
                case 1 where scalar == " ", 2 where scalar == " ":
                    state = 3
                case 3 where scalar == " ":
                    break
                case 1 where isEnder(scalar):
                    break
                case 3 where isOpener(scalar):
                    state = 4
                case 3 where isUppercase(scalar), 4 where isUppercase(scalar):
                    total += 1
                    if wasClosed { closed += 1 }
                    if state == 4 { opened += 1 }
                    state = 0
                default:
                    state = isEnder(scalar) ? 1 : 0
                    wasClosed = false
                }
            }
        }
        return (total, closed, opened)
    }
}
