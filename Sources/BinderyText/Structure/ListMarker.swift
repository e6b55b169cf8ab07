/// A list item's leading marker: `•`, `-`, `*`, `1)`, `1.`, `(a)`.
struct ListMarker: Sendable, Hashable {
    var ordered: Bool
    var marker: String
    var rest: String

    static let bullets: Set<Character> = ["•", "◦", "▪", "‣", "●", "○", "■", "□", "–", "-", "*", "·"]

    /// `parse(group.plainText)`; the lines are joined only when the first byte may start a marker.
    static func parse(_ group: LineGroup) -> ListMarker? {
        // The joined text starts with the first line's bytes (when that line has any).
        if let lead = group.lines.first?.text.unicodeScalars.first, rulesOut(lead) { return nil }
        return parse(group.plainText)
    }

    /// The scalars a marker can open with: a bullet's (U+0387 is canonically `·`), `(` and the digits.
    private static let leads: Set<Unicode.Scalar> = Set(bullets.flatMap(\.unicodeScalars) + ["(", "\u{0387}"] + "0123456789".unicodeScalars)

    /// `leads` by ASCII byte.
    private static let asciiLeads: [Bool] = (0..<128).map { leads.contains(Unicode.Scalar(UInt8($0))) }

    /// A first scalar that opens no marker: decided without the characters.
    private static func rulesOut(_ lead: Unicode.Scalar) -> Bool {
        lead.isASCII ? !asciiLeads[Int(lead.value)] : !leads.contains(lead)
    }

    static func parse(_ text: String) -> ListMarker? {
        if let lead = text.unicodeScalars.first, rulesOut(lead) { return nil }
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
