/// What a paginated text's own evidence says its furniture is: the folios (numbers at page edges that rise with
/// the pages, `FolioChains`) and the running heads (lines that stand at a page edge on a quarter of the pages or more,
/// two of them at most two pages apart, with any folio beside them set aside).
struct Furniture: Sendable {
    /// Indices of the lines that hold a folio.
    private var folioLines: Set<Int> = []
    /// Folios at a page's top that number the page before (`init`).
    private(set) var carriedLines: Set<Int> = []
    private var heads: Set<String> = []

    init(edges: [PageEdges], lines: [SourceLine], pageCount: Int) {
        guard pageCount >= 3 else { return }
        var candidates: [FolioChains.Candidate] = []
        for (page, pageEdges) in edges.enumerated() {
            // At each edge the outermost number is the page's (a heading `12` may stand under a folio `12`); on a page of a
            // few lines, where the edges meet, one number is at the edge it stands nearer.
            let isNumber = { (index: Int) in PageFurnitureText.folio(lines[index].text) != nil }
            let top = pageEdges.top.firstIndex(where: isNumber), bottom = pageEdges.bottom.firstIndex(where: isNumber)
            var found: [(index: Int, atFoot: Bool)] = []
            if let top, let bottom, pageEdges.top[top] == pageEdges.bottom[bottom] {
                found = [(pageEdges.top[top], bottom < top)]
            } else {
                found = (top.map { [(pageEdges.top[$0], false)] } ?? []) + (bottom.map { [(pageEdges.bottom[$0], true)] } ?? [])
            }
            let folios = found.compactMap { item in PageFurnitureText.folio(lines[item.index].text).map { (item, $0) } }
            for ((index, atFoot), folio) in folios {
                // A number alone atop a page, one less than the one alone at its foot and more than the number before it,
                // is the page before's: its gap was taken on the wrong side of it (the text's blank lines lengthened that side).
                let carried = page >= 2 && !atFoot && folios.count == 2 && folio.rest == nil && folios[1].1.rest == nil
                    && folio.value + 1 == folios[1].1.value && candidates.last.map { $0.value < folio.value } != false
                if carried { carriedLines.insert(index) }
                candidates.append(.init(page: carried ? page - 1 : page, value: folio.value, line: index, atFoot: atFoot || carried))
            }
        }
        folioLines = FolioChains.folioLines(candidates, minimumLength: max(3, pageCount / 10))
        // Only onto a page that keeps no folio of its own (a book whose folios stand at the top has its own there).
        let numbered = Set(candidates.filter { folioLines.contains($0.line) && !carriedLines.contains($0.line) }.map(\.page))
        for candidate in candidates where carriedLines.contains(candidate.line) && numbered.contains(candidate.page) {
            folioLines.remove(candidate.line)
        }
        carriedLines.formIntersection(folioLines)
        // Heads, with a folio beside them set aside only where it is one (`Chapter 3` keeps its number). A head stands on
        // pages next to each other, or every other page (recto and verso): a title that opens a page now and then
        // (`Chapter I` under each Book, each time after a wide gap) is no head.
        var keyPages: [String: Int] = [:]
        var lastPage: [String: Int] = [:]
        var adjacent: Set<String> = []
        for (page, pageEdges) in edges.enumerated() {
            var keys = Set<String>()
            // A picture's place-holder (`[Illustration]`) is the text's, however often one opens a page.
            for index in pageEdges.top + pageEdges.bottom where lines[index].length <= 80 && Illustration.caption(lines[index].text) == nil {
                let text = lines[index].text
                if folioLines.contains(index), let folio = PageFurnitureText.folio(text) {
                    if let rest = folio.rest { keys.insert(PageFurnitureText.key(rest)) }
                } else {
                    keys.insert(PageFurnitureText.key(text))
                }
            }
            for key in keys where !key.isEmpty {
                keyPages[key, default: 0] += 1
                if let last = lastPage[key], page - last <= 2 { adjacent.insert(key) }
                lastPage[key] = page
            }
        }
        heads = Set(keyPages.filter { $0.value >= max(3, pageCount / 4) && adjacent.contains($0.key) }.keys)
    }

    /// The furniture lines of one page, peeled from each edge inwards until a line of text; an edge has one head without
    /// a folio at most (lines that repeat under it, a refrain's, are the text's).
    func peel(_ edges: PageEdges, page: Int, lines: [SourceLine]) -> [Int] {
        var removed: [Int] = []
        let titlePage = page == 0 && edges.textLineCount <= 10
        for edge in [edges.top, edges.bottom] {
            var headFound = false
            for index in edge where !removed.contains(index) {
                guard isFurniture(index, lines: lines, titlePage: titlePage) else { break }
                let isHead = item(at: index, lines: lines).folio == nil
                if isHead, headFound { break }
                headFound = headFound || isHead
                removed.append(index)
            }
        }
        return removed
    }

    /// The folio and the running head a furniture line carries.
    func item(at index: Int, lines: [SourceLine]) -> (folio: String?, head: String?) {
        let text = lines[index].text
        if folioLines.contains(index), let folio = PageFurnitureText.folio(text) {
            return (folio.text, folio.rest)
        }
        return (nil, text)
    }

    /// On a short first page a line like a running head is the title page's title (the heads repeat it), not furniture.
    private func isFurniture(_ index: Int, lines: [SourceLine], titlePage: Bool) -> Bool {
        let text = lines[index].text
        if folioLines.contains(index), let folio = PageFurnitureText.folio(text) {
            return folio.rest.map { !titlePage && heads.contains(PageFurnitureText.key($0)) } ?? true
        }
        return !titlePage && heads.contains(PageFurnitureText.key(text))
    }
}

/// How a line reads as furniture: a folio alone or at one end of a head, and a head's key.
enum PageFurnitureText {
    /// A page number alone (`12`, `- 12 -`, `xiv`) or at one end of a line (`12   THE TITLE`, `THE TITLE   13`).
    static func folio(_ text: String) -> (value: Int, text: String, rest: String?)? {
        // A folio starts or ends the line: a digit, a lower-case roman letter, a dash or a bracket must stand there.
        guard let first = text.utf8.first, let last = text.utf8.last, mayEdgeFolio(first) || mayEdgeFolio(last) else { return nil }
        if let value = number(text.trimming("-–— []")) { return (value, text.trimming("-–— []"), nil) }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        if let first = words.first, let value = number(String(first)) {
            return (value, String(first), words.dropFirst().joined(separator: " "))
        }
        if let last = words.last, let value = number(String(last)) {
            return (value, String(last), words.dropLast().joined(separator: " "))
        }
        return nil
    }

    /// Digits, `i v x l c`, `-`, `[`, `]` and the last bytes of `–` and `—` (E2 80 93 / 94).
    private static func mayEdgeFolio(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x69, 0x76, 0x78, 0x6C, 0x63, 0x2D, 0x5B, 0x5D, 0x93, 0x94, 0xE2: true
        default: false
        }
    }

    /// An arabic number of up to four digits, or a lower-case roman one (front matter).
    private static func number(_ text: String) -> Int? {
        if TextShape.isNumber(text), text.count <= 4 { return Int(text) }
        if text.count <= 6, text == text.lowercased(), TextShape.isRoman(Substring(text.uppercased())) {
            return TextShape.romanValue(text.uppercased())
        }
        return nil
    }

    /// Letters, digits and single spaces, ASCII letters lower-cased: a head's identity across pages (ASCII
    /// punctuation set aside; a folio at either end is split off before). Other characters are kept as they are:
    /// a head is printed the same way on every page. One pass over the bytes.
    static func key(_ text: String) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x80...:
                if pendingSpace, !kept.isEmpty { kept.append(0x20) }
                pendingSpace = false
                kept.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            case 0x20, 0x09: pendingSpace = true
            default: break
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
