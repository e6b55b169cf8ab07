import Yams

/// One YAML mapping of the configuration being read: typed getters that name the file, key and line
/// in their errors, and `finish()` that refuses keys nobody asked for.
struct YAMLSection {
    let file: String
    let prefix: String
    private var entries: [(key: String, value: Node)] = []
    private var used: Set<String> = []

    init(node: Node?, file: String, prefix: String = "") throws(ServiceError) {
        self.file = file
        self.prefix = prefix
        guard let node else { return }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return }
        guard let mapping = node.mapping else {
            throw ServiceError(.configurationBadValue, "\(file)\(Self.line(node)): \(prefix.isEmpty ? "the document" : "'\(prefix)'") must be a mapping")
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ServiceError(.configurationBadValue, "\(file)\(Self.line(key)): keys must be strings")
            }
            entries.append((name, value))
        }
    }

    private func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    static func line(_ node: Node) -> String { node.mark.map { ":\($0.line)" } ?? "" }

    private mutating func value(_ key: String) -> Node? {
        used.insert(key)
        guard let node = entries.last(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node, scalar.string == "~" || scalar.string == "null" || (scalar.string.isEmpty && scalar.style == .plain) { return nil }
        return node
    }

    private func bad(_ key: String, _ node: Node, _ expected: String) -> ServiceError {
        ServiceError(.configurationBadValue, "\(file)\(Self.line(node)): '\(path(key))' must be \(expected), not '\(node.string ?? "a \(Self.kind(node))")'")
    }

    private static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "mapping"
        case .sequence: "list"
        default: "value"
        }
    }

    mutating func string(_ key: String) throws(ServiceError) -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw bad(key, node, "a string") }
        return scalar.string
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ServiceError) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = node.int, range.contains(number) else { throw bad(key, node, "a whole number in \(range.lowerBound)...\(range.upperBound)") }
        return number
    }

    mutating func double(_ key: String, in range: ClosedRange<Double>) throws(ServiceError) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init), range.contains(number) else {
            throw bad(key, node, "a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    mutating func bool(_ key: String) throws(ServiceError) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else { throw bad(key, node, "true or false") }
        return flag
    }

    mutating func strings(_ key: String) throws(ServiceError) -> [String]? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard let items = node.sequence else { throw bad(key, node, "a list of strings") }
        var result: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item else { throw bad(key, item, "a string") }
            result.append(scalar.string)
        }
        return result
    }

    mutating func section(_ key: String) throws(ServiceError) -> YAMLSection {
        try YAMLSection(node: value(key), file: file, prefix: path(key))
    }

    /// Fails on the first key that no getter asked for.
    func finish() throws(ServiceError) {
        for entry in entries where !used.contains(entry.key) {
            throw ServiceError(.configurationUnknownKey, "\(file)\(Self.line(entry.value)): unknown key '\(path(entry.key))'")
        }
    }
}
