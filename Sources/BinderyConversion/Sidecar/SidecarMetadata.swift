import BinderyModel
import BinderyText
import Yams

/// `NAME.meta.yaml` beside a source: metadata with pandoc's field names (a pandoc user's metadata file works
/// unchanged), overriding what was inferred, and a `structure:` section of overrides of the structure decisions.
/// A key that is unknown or holds a wrong value is left out and reported; the rest still applies.
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
    public var description: String?
    public var series: String?
    public var seriesPosition: String?
    public var tocTitle: String?
    /// pandoc's `cover-image` and `css`: files beside the source (`SidecarResources`), by their paths from its folder.
    public var coverImage: String?
    public var styleSheets: [String]?
    /// The `structure:` section, when the sidecar has one.
    public var structure: StructureOverrides?
    /// The keys left out, each problem with its line: the sidecar applies without them.
    public var problems: [SidecarError.Problem] = []

    /// Keys a sidecar may hold (pandoc's for EPUB, and `structure`); any other is reported and left out.
    static let knownKeys: Set<String> = [
        "title", "subtitle", "author", "creator", "contributor", "lang", "language", "identifier", "date", "publisher", "rights",
        "subject", "keywords", "source", "description", "abstract", "belongs-to-collection", "group-position", "toc-title", "structure",
        "cover-image", "css",
    ]

    /// Parses a sidecar. Invalid YAML, a sidecar over a limit or one that is not a mapping throws; a key with a problem
    /// (unknown, a bad value, a bad regex or a line out of range in `structure`) is left out and listed in `problems`.
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
        var unknown: [SidecarError.Problem] = []
        guard let fields = SidecarNode(node: root, key: "").fields(&unknown, allowed: knownKeys) else { throw SidecarError(unknown) }
        result.problems = unknown
        // pandoc's synonyms fill one field; the second of two given is left out (`author` and `creator` add up).
        let fieldOf = ["lang": "language", "language": "language", "description": "description", "abstract": "description",
                       "subject": "subjects", "keywords": "subjects"]
        var given: [String: String] = [:]
        for (name, node) in fields {
            // Each key is read into a copy, kept only when it has no problem.
            var problems: [SidecarError.Problem] = []
            if let field = fieldOf[name] {
                if let first = given[field] {
                    result.problems.append(node.problem("also given as '\(first)'"))
                    continue
                }
                given[field] = name
            }
            var read = result
            switch name {
            case "title":
                let collection: String?
                (read.title, read.subtitle, collection) = titles(node, subtitle: read.subtitle, &problems)
                if read.series == nil { read.series = collection }
            case "subtitle": read.subtitle = node.text(&problems)
            case "author", "creator": read.authors = (read.authors ?? []) + people(node, role: "aut", &problems)
            case "contributor": read.contributors = people(node, role: "ctb", &problems)
            case "lang", "language": read.language = node.text(&problems)
            case "identifier": read.identifier = typedText(node, preferring: nil, &problems)
            case "date": read.date = typedText(node, preferring: "publication", &problems)
            case "publisher": read.publisher = node.text(&problems)
            case "rights": read.rights = node.text(&problems)
            case "source": read.source = node.text(&problems)
            case "description", "abstract": read.description = node.text(&problems)
            case "subject", "keywords": read.subjects = node.items.compactMap { typedText($0, preferring: nil, &problems) }
            case "belongs-to-collection": read.series = node.text(&problems)
            case "group-position": read.seriesPosition = node.text(&problems)
            case "toc-title": read.tocTitle = node.text(&problems)
            case "cover-image": read.coverImage = SidecarResources.path(node, &problems)
            case "css":
                read.styleSheets = node.items.compactMap { SidecarResources.path($0, &problems) }
                if node.items.count > SidecarResources.maximumStyleSheets {
                    problems.append(node.problem("names \(node.items.count) style sheets; \(SidecarResources.maximumStyleSheets) at most"))
                }
            default:  // structure
                read.structure = StructureSidecar(sourceLineCount: sourceLineCount).parse(node, sidecarName: sidecarName, &problems)
            }
            if problems.isEmpty { result = read } else { result.problems += problems }
        }
        return result
    }

    /// pandoc's `title`: text, or a list of texts and `{type: main | subtitle | collection | short | edition | extended,
    /// text: …}`: the main title (the one typed `main`, else the first untyped), the subtitle and the collection.
    private static func titles(_ node: SidecarNode, subtitle: String?, _ problems: inout [SidecarError.Problem]) -> (String?, String?, String?) {
        var main: String?, untyped: String?, sub = subtitle, collection: String?
        for item in node.items {
            guard item.isMapping else {
                if untyped == nil { untyped = item.text(&problems) }
                continue
            }
            guard let fields = item.fields(&problems, allowed: ["type", "text", "file-as"]) else { continue }
            let type = fields.first { $0.name == "type" }?.node.text(&problems)
            guard let text = fields.first(where: { $0.name == "text" })?.node.text(&problems) else {
                problems.append(item.problem("needs a 'text'"))
                continue
            }
            switch type {
            case "main": if main == nil { main = text }
            case nil: if untyped == nil { untyped = text }
            case "subtitle": sub = text
            case "collection": collection = text
            default: break  // short, edition, extended: no field of their own here
            }
        }
        return (main ?? untyped, sub, collection)
    }

    /// Text, or pandoc's typed form (`{scheme: ISBN, text: …}`, `[{type: publication, text: …}]`): the text of the item
    /// of the `preferring` type, else of the first.
    private static func typedText(_ node: SidecarNode, preferring type: String?, _ problems: inout [SidecarError.Problem]) -> String? {
        var chosen: String?
        for item in node.items {
            guard item.isMapping else {
                if chosen == nil { chosen = item.text(&problems) }
                continue
            }
            guard let fields = item.fields(&problems, allowed: ["type", "scheme", "text", "authority", "term"]) else { continue }
            guard let text = fields.first(where: { $0.name == "text" })?.node.text(&problems) else {
                problems.append(item.problem("needs a 'text'"))
                continue
            }
            if let type, fields.first(where: { $0.name == "type" })?.node.text(&problems) == type { return text }
            if chosen == nil { chosen = text }
        }
        return chosen
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

    /// The files the sidecar names, the cover image first.
    public var resourcePaths: [String] { (coverImage.map { [$0] } ?? []) + (styleSheets ?? []) }

    /// Fields the sidecar gives replace the inferred ones.
    public func apply(to metadata: inout Metadata) {
        // A title given without a subtitle replaces the guessed one whole.
        if let title { (metadata.title, metadata.subtitle) = (title, subtitle) }
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
        if let description { metadata.description = description }
        if let series { metadata.series = series }
        if let seriesPosition { metadata.seriesPosition = seriesPosition }
        if let tocTitle { metadata.tocTitle = tocTitle }
    }

    /// `author: Name`, `author: [A, B]`, `author: [{name: A, role: edt, file-as: "A, B"}]` or pandoc's
    /// `creator: [{role: author, text: A}]`.
    private static func people(_ node: SidecarNode, role: String, _ problems: inout [SidecarError.Problem]) -> [Contributor] {
        node.items.compactMap { item in
            guard item.isMapping else { return item.text(&problems).map { Contributor(name: $0, role: role) } }
            guard let fields = item.fields(&problems, allowed: ["name", "text", "role", "file-as"]) else { return nil }
            var values: [String: String] = [:]
            for (name, field) in fields { values[name] = field.text(&problems) }
            guard let name = values["name"] ?? values["text"] else {
                problems.append(item.problem("needs a 'name' (or pandoc's 'text')"))
                return nil
            }
            return Contributor(name: name, role: values["role"].map(relatorCode) ?? role, fileAs: values["file-as"])
        }
    }

    /// A MARC relator code (`edt`) as it is, or the code of a role's common English name (`editor`).
    static func relatorCode(_ role: String) -> String {
        let names = ["author": "aut", "editor": "edt", "translator": "trl", "illustrator": "ill", "contributor": "ctb",
                     "narrator": "nrt", "compiler": "com", "introduction": "aui", "foreword": "aui", "annotator": "ann"]
        return names[role.lowercased()] ?? role
    }
}
