import BinderyModel
import BinderyWriters

/// The files a sidecar names (pandoc's `cover-image` and `css`): paths from the source's folder into it or below,
/// read beside the source by whoever loads it (the CLI from the folder, the daemon through the corpus directory it
/// opened without links), and turned here into the e-book's cover and style sheets.
public enum SidecarResources {
    /// The most a named file may hold, and all of them together.
    public static let maximumBytes = 16 << 20, maximumTotalBytes = 32 << 20
    /// The most style sheets a sidecar may name.
    static let maximumStyleSheets = 8

    /// The paths the sidecar names, the cover image first; none when it cannot be read (the converter reports why).
    public static func paths(in sidecar: [UInt8]?) -> [String] {
        guard let sidecar, let metadata = try? SidecarMetadata.parse(sidecar) else { return [] }
        return metadata.resourcePaths
    }

    /// Each path's bytes as `read` gives them (nil: missing, not a regular file, or over `maximumBytes`), until they
    /// come to `maximumTotalBytes`; what `read` throws (a failure worth retrying) is thrown.
    public static func load<Failure: Error>(_ paths: [String], read: (String) throws(Failure) -> [UInt8]?) throws(Failure) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var total = 0
        for path in paths where files[path] == nil {
            guard let bytes = try read(path), bytes.count <= maximumBytes, total + bytes.count <= maximumTotalBytes else { continue }
            files[path] = bytes
            total += bytes.count
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

    /// Why a style sheet cannot go into the e-book, or nil: it must hold together as CSS at its simplest (braces that
    /// balance, comments and strings that end, no markup), set no property EPUB forbids (`direction`, `unicode-bidi`),
    /// and reach for no other file (`@import`, `@font-face`, `url(`, `image-set(`, `src(`, or a backslash escape that
    /// could spell one), which the e-book would not hold: EPUBCheck then finds no error in it.
    static func refusal(ofStyleSheet text: String) -> String? {
        var outside = String.UnicodeScalarView()
        var depth = 0
        var quote: Unicode.Scalar?
        var inComment = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inComment {
                if scalar == "*", scalars.first == "/" { scalars.removeFirst(); inComment = false }
            } else if let open = quote {
                switch scalar {
                case "\\": _ = scalars.popFirst()
                case open: quote = nil
                case "\n": return "has a string that runs past its line"
                default: break
                }
            } else {
                switch scalar {
                case "/" where scalars.first == "*": scalars.removeFirst(); inComment = true
                case "\"", "'": quote = scalar
                case "{": depth += 1
                case "}":
                    depth -= 1
                    if depth < 0 { return "closes a brace it never opened" }
                case "<": return "holds markup ('<'), not CSS alone"
                case "\\": return "holds a backslash escape outside a string"
                default: outside.append(scalar)
                }
            }
        }
        if inComment { return "has a comment that never ends" }
        if quote != nil { return "has a string that never ends" }
        if depth != 0 { return "leaves a brace open" }
        let rules = String(outside).lowercased()
        if ["@import", "@font-face", "url(", "image-set(", "src("].contains(where: rules.contains) {
            return "refers to other files (@import, @font-face, url(), image-set()), which the e-book does not hold"
        }
        // EPUB leaves the text's direction to its markup (EPUBCheck CSS-001).
        if rules.contains(/(^|[;{\s])(direction|unicode-bidi)\s*:/) { return "sets direction or unicode-bidi, which an EPUB style sheet must not" }
        return nil
    }

    /// The cover image and style sheets the sidecar names, from the files read beside the source; a file that is
    /// missing, of another kind, or a style sheet that reaches for other files is left out with a warning.
    static func resolve(_ sidecar: SidecarMetadata?, files: [String: [UInt8]], sidecarName: String) -> (BookResources, [Diagnostic]) {
        var resources = BookResources()
        var diagnostics: [Diagnostic] = []
        func leftOut(_ key: String, _ path: String, _ reason: String, instead: String) {
            diagnostics.append(Diagnostic(.warning, code: "sidecar.resource", "\(sidecarName): \(key) '\(path)' \(reason); \(instead)"))
        }
        let missing = "cannot be read beside the source (no such regular file reached without links, or over \(maximumBytes >> 20) MB, "
            + "or past \(maximumTotalBytes >> 20) MB with the files before it)"
        if let path = sidecar?.coverImage {
            if let bytes = files[path] {
                if let image = BookResources.Image(sniffing: bytes) {
                    resources.cover = image
                } else {
                    leftOut("cover-image", path, "is not a JPEG, PNG, GIF or WebP image (an SVG may hold scripts or links the e-book cannot carry)",
                            instead: "the generated cover is used")
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
            if let refusal = refusal(ofStyleSheet: text) {
                leftOut("css", path, refusal, instead: "the style sheet was left out")
                continue
            }
            resources.styleSheets.append(BookResources.StyleSheet(text: text))
        }
        return (resources, diagnostics)
    }
}
