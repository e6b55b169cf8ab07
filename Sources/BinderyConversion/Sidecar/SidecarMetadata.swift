import BinderyModel
import BinderyText
import Yams

/// `NAME.meta.yaml` beside a source: metadata with pandoc's field names, overriding what was inferred,
/// and a `structure:` section of overrides of the structure decisions.
public struct SidecarMetadata: Sendable {
    public var title: String?
    public var subtitle: String?
    public var authors: [Contributor]?
    public var contributors: [Contributor]?
    public var language: String?
    public var identifier: String?
    public var date: String?
    public var publisher: String?
    public var rights: String?
    public var subjects: [String]?
    public var source: String?
    /// The `structure:` section, when the sidecar has one.
    public var structure: StructureOverrides?

    /// Keys a sidecar may hold; any other key is an error that names it.
    static let knownKeys: Set<String> = [
        "title", "subtitle", "author", "contributor", "lang", "language", "identifier", "date", "publisher", "rights",
        "subject", "keywords", "source", "description", "structure",
    ]

    /// Parses a sidecar; any problem (invalid YAML, unknown key, bad value, bad regex, line out of range)
    /// throws them all, each with its line and key.
    /// - Parameter sourceLineCount: the source's lines, for checking `line:` rules.
    public static func parse(_ bytes: [UInt8], sidecarName: String = "sidecar", sourceLineCount: Int? = nil) throws(SidecarError) -> SidecarMetadata {
        let root: Node?
        let text = String(decoding: bytes, as: UTF8.self)
        do throws(YAMLGuard.Violation) {
            try YAMLGuard.check(text)
        } catch {
            throw SidecarError("YAML over a limit, not read: \(error.message)", line: error.line)
        }
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error)
        } catch {
            throw SidecarError("invalid YAML: \(error)")
        }
        var result = SidecarMetadata()
        guard let root else { return result }
        var problems: [SidecarError.Problem] = []
        guard let fields = SidecarNode(node: root, key: "").fields(&problems, allowed: knownKeys) else { throw SidecarError(problems) }
        for (name, node) in fields {
            switch name {
            case "title": result.title = node.text(&problems)
            case "subtitle": result.subtitle = node.text(&problems)
            case "author": result.authors = people(node, role: "aut", &problems)
            case "contributor": result.contributors = people(node, role: "ctb", &problems)
            case "lang", "language": result.language = node.text(&problems)
            case "identifier": result.identifier = node.text(&problems)
            case "date": result.date = node.text(&problems)
            case "publisher": result.publisher = node.text(&problems)
            case "rights": result.rights = node.text(&problems)
            case "source", "description": result.source = node.text(&problems)
            case "subject", "keywords": result.subjects = node.items.compactMap { $0.text(&problems) }
            default:  // structure
                result.structure = StructureSidecar(sourceLineCount: sourceLineCount).parse(node, sidecarName: sidecarName, &problems)
            }
        }
        guard problems.isEmpty else { throw SidecarError(problems) }
        return result
    }

    /// A YAML syntax error on one line: the parser's complaint and where it is.
    private static func syntaxError(_ error: YamlError) -> SidecarError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            return SidecarError("invalid YAML: \(problem)" + (context.map { " (\($0.text))" } ?? ""), line: mark.line)
        default:
            return SidecarError("invalid YAML: " + "\(error)".split(separator: "\n").joined(separator: " "))
        }
    }

    /// Fields the sidecar gives replace the inferred ones.
    public func apply(to metadata: inout Metadata) {
        if let title { metadata.title = title }
        if let subtitle { metadata.subtitle = subtitle }
        if let authors { metadata.creators = authors }
        if let contributors { metadata.contributors = contributors }
        if let language { metadata.language = language }
        if let identifier { metadata.identifier = identifier }
        if let date { metadata.date = date }
        if let publisher { metadata.publisher = publisher }
        if let rights { metadata.rights = rights }
        if let subjects { metadata.subjects = subjects }
        if let source { metadata.sourceDescription = source }
    }

    /// `author: Name`, `author: [A, B]` or `author: [{name: A, role: edt, file-as: "A, B"}]`.
    private static func people(_ node: SidecarNode, role: String, _ problems: inout [SidecarError.Problem]) -> [Contributor] {
        node.items.compactMap { item in
            guard item.isMapping else { return item.text(&problems).map { Contributor(name: $0, role: role) } }
            guard let fields = item.fields(&problems, allowed: ["name", "role", "file-as"]) else { return nil }
            var values: [String: String] = [:]
            for (name, field) in fields { values[name] = field.text(&problems) }
            guard let name = values["name"] else {
                problems.append(item.problem("needs a 'name'"))
                return nil
            }
            return Contributor(name: name, role: values["role"] ?? role, fileAs: values["file-as"])
        }
    }
}
