/// Titles underlined by a row of one repeated mark (`=====` or `-----` right under `Chapter One`, as plain-text
/// e-texts set them). The row is decoration: it reads as a blank line, so that the title stands apart as titles do.
enum TitleUnderlines {
    /// The marks an underline is made of.
    private static let marks: Set<UInt8> = Set("=-~*_^#".utf8)

    /// Indices of underline rows: three or more copies of one mark (spaces around them allowed), right under a
    /// line that is no such row, whose length (spaces around it aside) is within two of the row's.
    static func find(_ lines: [String]) -> [Int] {
        var found: [Int] = []
        for index in lines.indices.dropFirst() {
            guard let mark = row(lines[index]), row(lines[index - 1]) == nil else { continue }
            let title = trimmedCount(lines[index - 1])
            if title > 0, abs(title - mark) <= 2 { found.append(index) }
        }
        return found
    }

    /// The length of a line made of one mark repeated three times or more; nil for any other line.
    private static func row(_ line: String) -> Int? {
        let bytes = line.utf8.drop { $0 == 0x20 }
        guard let mark = bytes.first, marks.contains(mark) else { return nil }
        let core = bytes.reversed().drop { $0 == 0x20 }
        guard core.count >= 3, core.allSatisfy({ $0 == mark }) else { return nil }
        return core.count
    }

    /// Unicode scalars of a line without the spaces around it.
    private static func trimmedCount(_ line: String) -> Int {
        let scalars = line.unicodeScalars.drop { $0 == " " }
        return scalars.reversed().drop { $0 == " " }.count
    }
}
