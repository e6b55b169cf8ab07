extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: String) -> String {
        // Nothing to take off when neither end scalar is in the set (see `TrimSet`): the common case, without a copy.
        if TrimSet.isPlain(set) {
            let scalars = unicodeScalars, trimmed = set.unicodeScalars
            guard let first = scalars.first, let last = scalars.last else { return self }
            if !trimmed.contains(first) && !trimmed.contains(last) { return self }
            if ScalarFacts.isSimple(self) {
                // Simple text: each scalar is a character, and one of the set only as that scalar.
                var start = scalars.startIndex, end = scalars.endIndex
                while start < end, trimmed.contains(scalars[start]) { scalars.formIndex(after: &start) }
                while end > start, trimmed.contains(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
                return String(scalars[start..<end])
            }
        }
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

/// Trim sets whose characters are each one scalar that no other character is canonically equivalent to: ASCII
/// other than `K` (the Kelvin sign), `;` (U+037E), `` ` `` (U+1FEF) and CR (which makes one character with LF),
/// and the no-break space, dashes and curly quotes. With such a set, a character at an end of a text is in the
/// set only if it is one of those scalars alone, so an end scalar that is in none of them ends a character that stays.
enum TrimSet {
    static func isPlain(_ set: String) -> Bool {
        set.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "K", ";", "`", "\r": false
            case "\u{00A0}", "–", "—", "‘", "’", "“", "”": true
            default: scalar.isASCII
            }
        }
    }
}
