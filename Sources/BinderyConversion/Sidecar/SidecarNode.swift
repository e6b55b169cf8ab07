import Yams

/// A sidecar's YAML node with its dotted key path, read field by field; every problem is collected
/// with the line it is on, so one pass reports them all.
struct SidecarNode {
    let node: Node
    let key: String

    var line: Int? { node.mark?.line }

    func problem(_ message: String) -> SidecarError.Problem {
        SidecarError.Problem(line: line, key: key.isEmpty ? nil : key, message)
    }

    /// The fields of a mapping, in order; nil (and a problem) for anything else.
    func fields(_ problems: inout [SidecarError.Problem], allowed: Set<String>) -> [(name: String, node: SidecarNode)]? {
        guard case .mapping(let mapping) = node else {
            problems.append(problem("must be a mapping of fields"))
            return nil
        }
        var result: [(name: String, node: SidecarNode)] = []
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            let child = SidecarNode(node: value, key: key.isEmpty ? name : key + "." + name)
            guard allowed.contains(name) else {
                problems.append(SidecarError.Problem(line: keyNode.mark?.line, key: child.key,
                                                     "unknown key (known here: \(allowed.sorted().joined(separator: ", ")))"))
                continue
            }
            result.append((name, child))
        }
        return result
    }

    /// The items of a sequence, or the node itself as a list of one.
    var items: [SidecarNode] {
        guard case .sequence(let sequence) = node else { return [self] }
        return sequence.enumerated().map { SidecarNode(node: $0.element, key: "\(key)[\($0.offset + 1)]") }
    }

    var isMapping: Bool { if case .mapping = node { true } else { false } }

    /// A scalar as text (numbers and dates as written); nil (and a problem) for a list or mapping.
    func text(_ problems: inout [SidecarError.Problem]) -> String? {
        guard case .scalar(let scalar) = node else {
            problems.append(problem("must be text"))
            return nil
        }
        return scalar.string
    }

    /// A whole number within `range`; nil (and a problem) otherwise.
    func number(in range: ClosedRange<Int>, _ problems: inout [SidecarError.Problem]) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            problems.append(problem("must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return value
    }

    /// One of the given words; nil (and a problem) otherwise.
    func word(of choices: [String], _ problems: inout [SidecarError.Problem]) -> String? {
        guard case .scalar(let scalar) = node, choices.contains(scalar.string) else {
            problems.append(problem("must be one of: \(choices.joined(separator: ", "))"))
            return nil
        }
        return scalar.string
    }
}
