import BinderyWriters

/// The one naming rule: `dir/book.txt` has the stem `dir/book`, the sidecar `dir/book.meta.yaml` and the
/// outputs `dir/book.epub`, `dir/book.tei.xml`, `dir/book.bag.zip`, `dir/book.proof.html`.
public enum SourceNaming {
    /// The end of every sidecar's name, after the stem.
    public static let sidecarSuffix = ".meta.yaml"

    /// The endings of source file names, the one list (the daemon's corpus and control socket read it):
    /// plain text, then PDF. Sources of one stem share their sidecar and outputs.
    public static let sourceExtensions = [".txt", ".pdf"]

    /// True for a file name with one of `sourceExtensions` after a stem of at least one character.
    public static func isSourceName(_ name: String) -> Bool {
        sourceExtensions.contains { name.hasSuffix($0) && name.count > $0.count }
    }

    /// Every source path of `stem`, in the order of `sourceExtensions`: `dir/book` → `dir/book.txt`, `dir/book.pdf`.
    public static func sources(ofStem stem: String) -> [String] {
        sourceExtensions.map { stem + $0 }
    }

    /// The path without the last extension of its file name; a name with no extension, or only a
    /// leading dot (`README`, `.profile`), is its own stem.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return path }
        return String(path[..<dot])
    }

    /// The sidecar beside a source: `dir/book.txt` → `dir/book.meta.yaml`.
    public static func sidecar(of path: String) -> String {
        stem(of: path) + sidecarSuffix
    }

    /// One output of a source: `dir/book.txt` → `dir/book.tei.xml` for `.tei`.
    public static func output(of path: String, format: OutputFormat) -> String {
        stem(of: path) + format.fileSuffix
    }
}
