import BinderyModel
import BinderyWriters

/// The files a sidecar names (pandoc's `cover-image` and `css`): paths from the source's folder into it or below,
/// read beside the source by whoever loads it (the CLI from the folder, the daemon through the corpus directory it
/// opened without links), and turned here into the e-book's cover and style sheets.
public enum SidecarResources {
    /// The most a named file may hold.
    public static let maximumBytes = 16 << 20

    /// The paths the sidecar names, the cover image first; none when it cannot be read (the converter reports why).
    public static func paths(in sidecar: [UInt8]?) -> [String] {
        guard let sidecar, let metadata = try? SidecarMetadata.parse(sidecar) else { return [] }
        return metadata.resourcePaths
    }

    /// Each path's bytes as `read` gives them (nil: missing, not a regular file, or over `maximumBytes`).
    public static func load(_ paths: [String], read: (String) -> [UInt8]?) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in paths where files[path] == nil {
            if let bytes = read(path), bytes.count <= maximumBytes { files[path] = bytes }
        }
        return files
    }

    /// A sidecar value naming a file in the source's folder or below it: relative, with no `..`; nil (and a problem)
    /// for any other (an absolute path or one leaving the folder would let a sidecar publish any readable file).
    static func path(_ node: SidecarNode, _ problems: inout [SidecarError.Problem]) -> String? {
        guard let text = node.text(&problems) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !text.isEmpty, !text.hasPrefix("/"), !text.contains("\0"), parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            problems.append(node.problem("must name a file in the source's folder or below it (a relative path without '..'), not '\(text)'"))
            return nil
        }
        return text
    }

    /// The cover image and style sheets the sidecar names, from the files read beside the source; a file that is
    /// missing, of another kind, or a style sheet that reaches for other files is left out with a warning.
    static func resolve(_ sidecar: SidecarMetadata?, files: [String: [UInt8]], sidecarName: String) -> (BookResources, [Diagnostic]) {
        var resources = BookResources()
        var diagnostics: [Diagnostic] = []
        func leftOut(_ key: String, _ path: String, _ reason: String, instead: String) {
            diagnostics.append(Diagnostic(.warning, code: "sidecar.resource", "\(sidecarName): \(key) '\(path)' \(reason); \(instead)"))
        }
        let missing = "cannot be read beside the source (no such regular file, or over \(maximumBytes >> 20) MB)"
        if let path = sidecar?.coverImage {
            if let bytes = files[path] {
                if let image = BookResources.Image(sniffing: bytes) {
                    resources.cover = image
                } else {
                    leftOut("cover-image", path, "is not a JPEG, PNG, GIF, WebP or SVG image", instead: "the generated cover is used")
                }
            } else {
                leftOut("cover-image", path, missing, instead: "the generated cover is used")
            }
        }
        for path in sidecar?.styleSheets ?? [] {
            guard let bytes = files[path] else {
                leftOut("css", path, missing, instead: "the e-book keeps its own styles")
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                leftOut("css", path, "is not UTF-8 text", instead: "the e-book keeps its own styles")
                continue
            }
            // The e-book holds no other file for `@import` or `url()` to reach: EPUBCheck would count each a missing resource.
            let lowered = text.lowercased()
            if lowered.contains("@import") || lowered.contains("url(") {
                leftOut("css", path, "refers to other files (@import or url()), which the e-book does not hold", instead: "the style sheet was left out")
                continue
            }
            resources.styleSheets.append(BookResources.StyleSheet(text: text))
        }
        return (resources, diagnostics)
    }
}
