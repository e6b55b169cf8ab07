import CYaml

/// Checks YAML text against limits on libyaml's event stream, before Yams composes it: Yams hashes
/// mapping keys whole, so an alias bomb used as a key (`? *a9`) would take minutes there.
/// Used for sidecars here and for the daemon's configuration file.
package enum YAMLGuard {
    package struct Limits: Sendable {
        /// Bytes of text.
        var bytes = 1 << 20
        /// Collections inside collections, counting what aliases bring in.
        var depth = 64
        /// Nodes of the document with every alias expanded.
        var expandedNodes = 100_000

        package init() {}
    }

    /// What went over which limit, and on which line (1-based) when known.
    package struct Violation: Error, Sendable, CustomStringConvertible {
        var line: Int?
        var message: String
        package var description: String { (line.map { "line \($0): " } ?? "") + message }
    }

    /// An open collection: nodes and height so far, its anchor, and (for a mapping) how many keys and values it holds.
    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var nodes = 1
        var height = 1
        var children = 0
        var line: Int
    }

    /// Throws the first limit the text goes over. Syntax errors are left for Yams to report.
    package static func check(_ text: String, limits: Limits = Limits()) throws(Violation) {
        let utf8 = Array(text.utf8)
        guard utf8.count <= limits.bytes else {
            throw Violation(message: "the YAML is \(utf8.count) bytes, over the limit of \(limits.bytes)")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try utf8.withUnsafeBufferPointer { buffer throws(Violation) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try walk(&parser, limits: limits)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t, limits: Limits) throws(Violation) {
        var anchors: [String: (nodes: Int, height: Int)] = [:]
        var stack: [Frame] = []
        var total = 0
        /// Adds a finished node (a scalar, an alias's expansion or a closed collection) to its parent.
        func add(nodes: Int, height: Int, anchor: String?, line: Int) throws(Violation) {
            if let anchor { anchors[anchor] = (nodes, height) }
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].nodes += nodes
            stack[stack.count - 1].height = max(stack[stack.count - 1].height, height + 1)
            stack[stack.count - 1].children += 1
            if stack.count - 1 + stack[stack.count - 1].height > limits.depth {
                throw Violation(line: line, message: "collections nest deeper than the limit of \(limits.depth) levels")
            }
        }
        func count(_ nodes: Int, line: Int) throws(Violation) {
            total += nodes
            if total > limits.expandedNodes {
                throw Violation(line: line, message: "aliases expand it to more than \(limits.expandedNodes) nodes, the limit")
            }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let isKey = stack.last.map { $0.isMapping && $0.children % 2 == 0 } ?? false
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                try count(1, line: line)
                try add(nodes: 1, height: 0, anchor: name(event.data.scalar.anchor), line: line)
            case YAML_ALIAS_EVENT:
                guard !isKey else { throw Violation(line: line, message: "an alias (*\(name(event.data.alias.anchor) ?? "")) is used as a mapping key, which is not allowed") }
                let target = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 0)
                try count(target.nodes, line: line)
                try add(nodes: target.nodes, height: target.height, anchor: nil, line: line)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try count(1, line: line)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, anchor: anchor, line: line))
                if stack.count > limits.depth {
                    throw Violation(line: line, message: "collections nest deeper than the limit of \(limits.depth) levels")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                try add(nodes: frame.nodes, height: frame.height, anchor: frame.anchor, line: frame.line)
            default:
                break
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
