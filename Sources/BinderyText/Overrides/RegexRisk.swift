/// A static check of a sidecar's regular expression for the shape that makes backtracking take
/// exponential time: a repeated group that itself holds a repetition, as in `(a+)+` or `(\w+\s?)*`.
enum RegexRisk {
    /// True when a group followed by `*`, `+` or `{n,}`/`{n,m}` (m > 1) contains such a quantifier at any depth.
    static func hasNestedQuantifier(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        var holds: [Bool] = []  // for each open group: does it hold a repeating quantifier?
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
                continue
            case "[":
                index = endOfClass(scalars, from: index)
                continue
            case "(":
                holds.append(false)
            case ")":
                let held = holds.popLast() ?? false
                if held, repeats(scalars, at: index + 1) { return true }
                if held, !holds.isEmpty { holds[holds.count - 1] = true }
            default:
                if repeats(scalars, at: index), !holds.isEmpty { holds[holds.count - 1] = true }
            }
            index += 1
        }
        return false
    }

    /// Is there a quantifier allowing more than one repetition at `index`?
    private static func repeats(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        switch scalars[index] {
        case "*", "+": return true
        case "{":
            var end = index + 1
            while end < scalars.count, scalars[end] != "}" { end += 1 }
            guard end < scalars.count else { return false }
            let bounds = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).split(separator: ",", omittingEmptySubsequences: false)
            guard bounds.count <= 2, bounds.allSatisfy({ $0.allSatisfy(\.isNumber) }), bounds.first?.isEmpty == false || bounds.count == 2 else { return false }
            if bounds.count == 1 { return (Int(bounds[0]) ?? 0) > 1 }
            return bounds[1].isEmpty || (Int(bounds[1]) ?? 0) > 1
        default: return false
        }
    }

    /// The index just past the `]` closing the character class opened at `start` (nested classes included).
    private static func endOfClass(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        if index < scalars.count, scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }
        var depth = 1
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return index
    }
}
