import Foundation

/// The default templates shipped with Bindery (`Templates/` in the source tree), found at run time without
/// `Bundle.module`, which stops the process when its bundle is missing (a binary copied or installed away
/// from its build tree).
public enum BundledTemplates {
    /// The folder that holds `epub/`: the first of `candidates` that has the templates; nil if none has.
    public static var directory: URL? {
        candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("epub/chapter.xhtml.mustache").path) }
    }

    /// Where the templates are looked for, in order: `$BINDERY_TEMPLATES`; `../share/bindery/templates` from
    /// the executable (`make install`); the SwiftPM resource bundle beside the executable (the build tree).
    public static var candidates: [URL] {
        var result: [URL] = []
        if let configured = ProcessInfo.processInfo.environment["BINDERY_TEMPLATES"], !configured.isEmpty {
            result.append(URL(fileURLWithPath: configured))
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let directory = executable.deletingLastPathComponent()
            result.append(directory.deletingLastPathComponent().appendingPathComponent("share/bindery/templates"))
            result.append(directory.appendingPathComponent("Bindery_BinderyTemplates.resources"))
        }
        return result
    }
}
