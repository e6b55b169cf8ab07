/// Cuts set lines into pages and prints the page furniture of a page style. The title page has none;
/// the body's pages are numbered from `firstFolio`, even folios verso (left), odd recto (right).
struct Paginator {
    static let linesPerPage = 24
    static let firstFolio = 1

    var style: PageStyle
    var book: SimBook

    /// The plain text of the book, ending with a newline. Without pages, a new page is one blank line.
    func text(_ lines: [SetLine]) -> String {
        if style == .none { return Self.collapsed(lines).joined(separator: "\n") + "\n" }
        let pages = Self.pages(lines)
        var printed: [String] = [pages[0].joined(separator: "\n")]
        for (index, body) in pages.dropFirst().enumerated() {
            let folio = "\(Self.firstFolio + index)"
            let page: [String] = switch style {
            case .none: body
            case .footFolio, .blankPages: body + ["", folio]
            case .runningHeads:
                (Int(folio)!.isMultiple(of: 2) ? [folio, "", book.author.uppercased(), ""] : [book.title.uppercased(), "", folio, ""]) + body
            }
            printed.append(page.joined(separator: "\n"))
        }
        // pdftotext ends each page with a form feed, the next page's first line right after it.
        return style == .blankPages ? printed.joined(separator: "\n\n\n") + "\n" : printed.joined(separator: "\n\u{0C}") + "\n\u{0C}"
    }

    /// The lines without page breaks, runs of blank lines made one and none at the start or end.
    static func collapsed(_ lines: [SetLine]) -> [String] {
        var out: [String] = []
        for line in lines {
            switch line {
            case .text(let text): out.append(text)
            case .blank, .newPage: if let last = out.last, !last.isEmpty { out.append("") }
            }
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// Pages of at most `linesPerPage` lines: a page ends when full or at a new page; blank lines at the
    /// top or foot of a page are dropped, as vertical space is there.
    static func pages(_ lines: [SetLine]) -> [[String]] {
        var pages: [[String]] = []
        var current: [SetLine] = []
        func close() {
            let body = collapsed(current)
            if !body.isEmpty { pages.append(body) }
            current = []
        }
        for line in lines {
            switch line {
            case .newPage: close()
            case .blank: current.append(.blank)
            case .text:
                current.append(line)
                if collapsed(current).count >= linesPerPage { close() }
            }
        }
        close()
        return pages
    }
}
