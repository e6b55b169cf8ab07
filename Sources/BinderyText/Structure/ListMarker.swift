/// A list item's leading marker: `•`, `-`, `*`, `1)`, `1.`, `(a)`.
struct ListMarker: Sendable, Hashable {
    var ordered: Bool
    var marker: String
    var rest: String

    static let bullets: Set<Character> = ["•", "◦", "▪", "‣", "●", "○", "■", "□", "–", "-", "*", "·"]

    /// `parse(group.plainText)`; the lines are joined only when the first byte may start a marker.
    static func parse(_ group: LineGroup) -> ListMarker? {
        // The joined text starts with the first line's bytes (when that line has any).
        if let lead = group.lines.first?.text.utf8.first, rulesOut(lead) { return nil }
        return parse(group.plainText)
    }

    /// An ASCII first byte other than `-`, `*`, `(` or a digit starts no marker: decided without the characters.
    private static func rulesOut(_ lead: UInt8) -> Bool {
        lead < 0x80 && lead != 0x2D && lead != 0x2A && lead != 0x28 && !(lead >= 0x30 && lead <= 0x39)
    }

    static func parse(_ text: String) -> ListMarker? {
        if let lead = text.utf8.first, rulesOut(lead) { return nil }
        guard let first = text.first else { return nil }
        if bullets.contains(first) {
            let rest = text.dropFirst()
            guard rest.first == " " || rest.first == "\u{00A0}" else { return nil }
            let body = String(rest.drop(while: { $0 == " " || $0 == "\u{00A0}" }))
            return body.isEmpty ? nil : ListMarker(ordered: false, marker: String(first), rest: body)
        }
        var digits = Substring(text)
        var opened = false
        if digits.first == "(" { opened = true; digits = digits.dropFirst() }
        let number = digits.prefix(while: { $0.isNumber && $0.isASCII })
        guard !number.isEmpty, number.count <= 3 else { return nil }
        let after = digits.dropFirst(number.count)
        guard let close = after.first, close == ")" || (close == "." && !opened) else { return nil }
        let rest = after.dropFirst()
        guard rest.first == " " else { return nil }
        let body = String(rest.drop(while: { $0 == " " }))
        // The marker is what comes before `rest` (a slice of the text), without counting the whole text's characters.
        return body.isEmpty ? nil : ListMarker(ordered: true, marker: String(text[..<rest.startIndex]), rest: body)
    }
}
