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
        (try? load(overrides: [], dataDirectories: [])) ?? TemplateSet(files: [:])
    }()

    /// The user's and the system's data directories' `templates/`, searched after the given ones and before the
    /// bundled defaults, as pandoc searches its data directory: `$XDG_DATA_HOME/bindery` (else
    /// `~/.local/share/bindery`), then `/usr/share/bindery`.
    public static func dataDirectories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        let home = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/share" }
        return ([home.map { $0 + "/bindery" }, "/usr/share/bindery"] as [String?]).compactMap { $0 }
            .map { URL(fileURLWithPath: $0).appendingPathComponent("templates") }
    }

    /// Loads every required file from the first of `overrides`, then of `dataDirectories()`, that has it, else from
    /// the bundled defaults.
    public static func load(overrides: [URL], dataDirectories: [URL] = dataDirectories()) throws(WriterError) -> TemplateSet {
        let searched = overrides + dataDirectories + [BundledTemplates.directory].compactMap { $0 }
        var files: [String: String] = [:]
        for name in requiredFiles {
            guard let url = searched.map({ $0.appendingPathComponent(name) }).first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                let looked = overrides + dataDirectories + BundledTemplates.candidates
                throw WriterError(format: "templates", "no template \(name) in \(looked.map(\.path).joined(separator: ", ")) (install them with `make install`, or name their directory with --templates, --data-dir or BINDERY_TEMPLATES)")
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
