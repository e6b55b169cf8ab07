import BinderyTemplates
import Foundation

/// Templates and the stylesheet, loaded once into memory so that writers stay pure. Each file is
/// looked up in the configured directories first, then in the bundled defaults.
public struct TemplateSet: Sendable {
    private var files: [String: String]

    public init(files: [String: String]) {
        self.files = files
    }

    /// The names every writer needs, relative to a template directory.
    public static let requiredFiles = [
        "epub/chapter.xhtml.mustache", "epub/bindery.css",
    ]

    /// The defaults shipped with Bindery.
    public static let bundled: TemplateSet = {
        (try? load(overrides: [])) ?? TemplateSet(files: [:])
    }()

    /// Loads every required file from the first of `overrides` that has it, else from the bundled defaults.
    public static func load(overrides: [URL]) throws(WriterError) -> TemplateSet {
        let searched = overrides + [BundledTemplates.directory].compactMap { $0 }
        var files: [String: String] = [:]
        for name in requiredFiles {
            guard let url = searched.map({ $0.appendingPathComponent(name) }).first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                let looked = overrides + BundledTemplates.candidates
                throw WriterError(format: "templates", "no template \(name) in \(looked.map(\.path).joined(separator: ", ")) (install them with `make install`, or name their directory with --templates or BINDERY_TEMPLATES)")
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw WriterError(format: "templates", "cannot read \(url.path) as UTF-8")
            }
            files[name] = text
        }
        return TemplateSet(files: files)
    }

    /// The text of a template; empty when it is unknown (never the case for `requiredFiles` after `load`).
    public func text(_ name: String) -> String { files[name] ?? "" }
}
