import BinderyModel
import BinderyText

/// Reads the sidecar's `structure:` section into `StructureOverrides`, checking every rule: regexes
/// compile, lines exist in the source, levels and words are known.
struct StructureSidecar {
    static let keys: Set<String> = ["headings", "not-headings", "running-heads", "paragraphs", "hyphenation", "notes"]
    private static let selectorKeys: Set<String> = ["match", "text", "line"]

    /// Source lines that `line:` rules may name; nil skips the range check.
    var sourceLineCount: Int?

    func parse(_ section: SidecarNode, sidecarName: String, _ problems: inout [SidecarError.Problem]) -> StructureOverrides {
        var overrides = StructureOverrides(sidecarName: sidecarName)
        guard let fields = section.fields(&problems, allowed: Self.keys) else { return overrides }
        for (name, node) in fields {
            switch name {
            case "headings":
                overrides.headings = node.items.compactMap { heading($0, &problems) }
            case "not-headings":
                overrides.notHeadings = node.items.compactMap { item in
                    item.isMapping ? selector(item, allowed: Self.selectorKeys, &problems) : regex(item, &problems).map { .match($0) }
                }
            case "running-heads":
                overrides.runningHeads = node.items.compactMap { regex($0, &problems) }
            case "paragraphs":
                let word = node.word(of: ["auto"] + StructureOverrides.Paragraphs.allCases.map(\.rawValue), &problems)
                overrides.paragraphs = word.flatMap(StructureOverrides.Paragraphs.init(rawValue:))
            case "hyphenation":
                let word = node.word(of: StructureOverrides.Hyphenation.allCases.map(\.rawValue), &problems)
                overrides.hyphenation = word.flatMap(StructureOverrides.Hyphenation.init(rawValue:)).flatMap { $0 == .auto ? nil : $0 }
            default:  // notes
                if let word = node.word(of: ["auto", "off"], &problems), word == "off" { overrides.linkNotes = false }
            }
        }
        return overrides
    }

    /// `{match: REGEX, level: 2}`, `{text: "Preface", level: 1, kind: preface}` or `{line: 1042, level: 1}`.
    private func heading(_ node: SidecarNode, _ problems: inout [SidecarError.Problem]) -> StructureOverrides.ForcedHeading? {
        guard node.isMapping else {
            problems.append(node.problem("must be a mapping such as {match: \"^Chapter \", level: 2}"))
            return nil
        }
        let selected = selector(node, allowed: Self.selectorKeys.union(["level", "kind"]), &problems)
        guard let fields = node.fields(&problems, allowed: Self.selectorKeys.union(["level", "kind"])) else { return nil }
        var level: Int?
        var kind: DivisionKind?
        for (name, field) in fields {
            if name == "level" { level = field.number(in: 1...6, &problems) }
            if name == "kind", let word = field.word(of: DivisionKind.allCases.map(\.rawValue), &problems) { kind = DivisionKind(rawValue: word) }
        }
        if level == nil, !fields.contains(where: { $0.name == "level" }) { problems.append(node.problem("needs a 'level' (1 to 6)")) }
        guard let selected, let level else { return nil }
        return StructureOverrides.ForcedHeading(selected, level: level, kind: kind)
    }

    /// Exactly one of `match`, `text` or `line` in a mapping (unknown keys are reported once, by the caller's pass).
    private func selector(_ node: SidecarNode, allowed: Set<String>, _ problems: inout [SidecarError.Problem]) -> StructureOverrides.Selector? {
        var own: [SidecarError.Problem] = []
        let fields = node.fields(&own, allowed: allowed) ?? []
        if allowed == Self.selectorKeys { problems += own }
        let chosen = fields.filter { Self.selectorKeys.contains($0.name) }
        guard chosen.count == 1, let (name, field) = chosen.first else {
            problems.append(node.problem("needs exactly one of 'match', 'text' or 'line'"))
            return nil
        }
        switch name {
        case "match": return regex(field, &problems).map { StructureOverrides.Selector.match($0) }
        case "text": return field.text(&problems).map { StructureOverrides.Selector.text($0) }
        default: return field.number(in: 1...max(1, sourceLineCount ?? Int.max), &problems).map { StructureOverrides.Selector.line($0) }
        }
    }

    /// A regular expression that compiles; nil (and a problem naming the engine's complaint) otherwise.
    private func regex(_ node: SidecarNode, _ problems: inout [SidecarError.Problem]) -> String? {
        guard let pattern = node.text(&problems) else { return nil }
        do {
            _ = try Regex(pattern)
            return pattern
        } catch {
            problems.append(node.problem("bad regular expression /\(pattern)/: \(error)"))
            return nil
        }
    }
}
