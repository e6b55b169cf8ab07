import BinderyConversion
import BinderyWriters

/// Sources of one stem in one folder (`book.txt` beside `book.pdf`) would read one sidecar and publish the
/// same outputs. While more than one exists none of them is converted: each one's job fails with the same
/// message, naming them all; what was published before stays as it is. Removing or renaming all but one
/// queues the one left (`CorpusLayout.sources(for:)`), which is then converted as usual.
enum SourceClash {
    /// The sources of `path`'s stem found in `directory` (anything but a directory), `path` among them, in the
    /// order of `SourceNaming.sourceExtensions`; a clash when there are two or more.
    static func sources(sharingStemWith path: String, in directory: CorpusDirectory) -> [String] {
        SourceNaming.sources(ofStem: SourceNaming.stem(of: path)).filter { source in
            source == path || directory.stamp(fileName(source)).map { !$0.isDirectory } == true
        }
    }

    /// The failure each of the clashing `sources` records.
    static func error(_ sources: [String], formats: [OutputFormat]) -> ServiceError {
        let names = sources.dropLast().joined(separator: ", ") + " and " + (sources.last ?? "")
        let outputs = formats.sorted().map { Publisher.outputPath(of: sources[0], format: $0) }.joined(separator: ", ")
        let remedy = sources.count == 2 ? "rename one of them; neither is converted" : "rename all but one; none is converted"
        return ServiceError(.sourceClash, "\(names) share the name \(SourceNaming.stem(of: sources[0])) and would publish the same outputs "
            + "(\(outputs)): \(remedy) until then, and the outputs published before are kept")
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
