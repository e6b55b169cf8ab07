import BinderyModel
import Yams

/// `NAME.meta.yaml` beside a source: metadata with pandoc's field names, overriding what was inferred.
public struct SidecarMetadata: Sendable, Equatable {
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
    /// The sidecar has a `structure:` section (overrides of the structure decisions, not applied yet).
    public var hasStructureSection = false

    /// Keys a sidecar may hold; any other key is an error that names it.
    static let knownKeys: Set<String> = [
        "title", "subtitle", "author", "contributor", "lang", "language", "identifier", "date", "publisher", "rights",
        "subject", "keywords", "source", "description", "structure",
    ]

    public static func parse(_ bytes: [UInt8]) throws(SidecarError) -> SidecarMetadata {
        let text = String(decoding: bytes, as: UTF8.self)
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw SidecarError("invalid YAML: \(error)")
        }
        guard let node else { return SidecarMetadata() }
        guard let fields = node as? [String: Any] else { throw SidecarError("the sidecar must be a mapping of fields") }
        if let unknown = fields.keys.sorted().first(where: { !knownKeys.contains($0) }) {
            throw SidecarError("unknown key '\(unknown)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        var result = SidecarMetadata()
        result.title = try string(fields, "title")
        result.subtitle = try string(fields, "subtitle")
        result.authors = try people(fields["author"], key: "author", role: "aut")
        result.contributors = try people(fields["contributor"], key: "contributor", role: "ctb")
        result.language = try string(fields, "lang")
        if result.language == nil { result.language = try string(fields, "language") }
        result.identifier = try string(fields, "identifier")
        result.date = try string(fields, "date")
        result.publisher = try string(fields, "publisher")
        result.rights = try string(fields, "rights")
        result.source = try string(fields, "source")
        if result.source == nil { result.source = try string(fields, "description") }
        result.subjects = try strings(fields["subject"] ?? fields["keywords"], key: "subject")
        result.hasStructureSection = fields["structure"] != nil
        return result
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

    private static func string(_ fields: [String: Any], _ key: String) throws(SidecarError) -> String? {
        guard let value = fields[key] else { return nil }
        switch value {
        case let string as String: return string
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        default: throw SidecarError("'\(key)' must be text")
        }
    }

    private static func strings(_ value: Any?, key: String) throws(SidecarError) -> [String]? {
        guard let value else { return nil }
        if let single = value as? String { return [single] }
        guard let list = value as? [Any] else { throw SidecarError("'\(key)' must be text or a list of text") }
        var result: [String] = []
        for item in list {
            guard let text = item as? String else { throw SidecarError("every '\(key)' entry must be text") }
            result.append(text)
        }
        return result
    }

    /// `author: Name`, `author: [A, B]` or `author: [{name: A, role: edt, file-as: "A, B"}]`.
    private static func people(_ value: Any?, key: String, role: String) throws(SidecarError) -> [Contributor]? {
        guard let value else { return nil }
        let list = (value as? [Any]) ?? [value]
        var result: [Contributor] = []
        for item in list {
            if let name = item as? String {
                result.append(Contributor(name: name, role: role))
            } else if let entry = item as? [String: Any], let name = entry["name"] as? String {
                result.append(Contributor(name: name, role: (entry["role"] as? String) ?? role, fileAs: entry["file-as"] as? String))
            } else {
                throw SidecarError("every '\(key)' must be a name or a mapping with 'name'")
            }
        }
        return result
    }
}

/// A sidecar that cannot be used; the document is converted with inference alone.
public struct SidecarError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
