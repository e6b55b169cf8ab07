/// A list item's leading marker: `•`, `-`, `*`, `1)`, `1.`, `(a)`.
struct ListMarker: Sendable, Hashable {
    var ordered: Bool
    var marker: String
    var rest: String

    static let bullets: Set<Character> = ["•", "◦", "▪", "‣", "●", "○", "■", "□", "–", "-", "*", "·"]

    static func parse(_ text: String) -> ListMarker? {
        // An ASCII first byte other than `-`, `*`, `(` or a digit starts no marker: decided without the characters.
        if let lead = text.utf8.first, lead < 0x80, lead != 0x2D, lead != 0x2A, lead != 0x28, !(lead >= 0x30 && lead <= 0x39) { return nil }
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
        return body.isEmpty ? nil : ListMarker(ordered: true, marker: String(text.prefix(text.count - rest.count)), rest: body)
    }
}
