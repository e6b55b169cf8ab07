/// Titles underlined by a row of one repeated mark (`=====` or `-----` right under `Chapter One`, as plain-text
/// e-texts set them). The row is decoration: it reads as a blank line, so that the title stands apart as titles do.
enum TitleUnderlines {
    /// The marks an underline is made of.
    private static let marks: Set<UInt8> = Set("=-~*_^#".utf8)

    /// The marks that also underline a title of one or two characters (`I.` over `==`).
    private static let shortMarks: Set<UInt8> = Set("=-~".utf8)

    /// Indices of underline rows: copies of one mark (spaces around them allowed), right under a line that is no
    /// such row, whose length (spaces around it aside) is within two of the row's; a row of three or more, or one as
    /// long as a title of one or two characters (`1.` over `==`).
    static func find(_ lines: [String]) -> [Int] {
        var found: [Int] = []
        for index in lines.indices.dropFirst() {
            guard let (mark, count) = row(lines[index]), row(lines[index - 1]) == nil else { continue }
            let title = trimmedCount(lines[index - 1])
            guard title > 0 else { continue }
            if count >= 3 ? abs(title - count) <= 2 : title == count && shortMarks.contains(mark) { found.append(index) }
        }
        return found
    }

    /// The mark and length of a line made of one mark repeated; nil for any other line.
    private static func row(_ line: String) -> (mark: UInt8, count: Int)? {
        let bytes = line.utf8.drop { $0 == 0x20 }
        guard let mark = bytes.first, marks.contains(mark) else { return nil }
        let core = bytes.reversed().drop { $0 == 0x20 }
        guard core.allSatisfy({ $0 == mark }) else { return nil }
        return (mark, core.count)
    }

    /// Unicode scalars of a line without the spaces around it.
    private static func trimmedCount(_ line: String) -> Int {
        let scalars = line.unicodeScalars.drop { $0 == " " }
        return scalars.reversed().drop { $0 == " " }.count
    }
}
