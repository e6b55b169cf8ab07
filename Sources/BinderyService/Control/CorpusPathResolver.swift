import BinderyConversion
import BinderyProtocol
import Foundation

/// Turns a path from a client into a source path relative to the corpus, refusing anything that
/// leads outside it: `..`, absolute paths elsewhere, and symbolic links that point out. This is checked
/// when the request comes; the job's read (`CorpusDirectory`) refuses a link swapped in after it.
struct CorpusPathResolver {
    let corpus: String

    func relativeSource(_ raw: String) throws(ControlError) -> String {
        let root = URL(fileURLWithPath: corpus).resolvingSymlinksInPath().standardizedFileURL.path
        let candidate = raw.hasPrefix("/") ? URL(fileURLWithPath: raw) : URL(fileURLWithPath: corpus).appendingPathComponent(raw)
        let resolved = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/") else {
            throw ControlError(code: -32003, message: "'\(raw)' is outside the corpus")
        }
        let relative = String(resolved.dropFirst(root.count + 1))
        guard CorpusLayout.isSource(relative), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
            let patterns = SourceNaming.sourceExtensions.map { "*" + $0 }.joined(separator: " or ")
            throw ControlError(code: -32003, message: "'\(raw)' is not a source (\(patterns), not hidden)")
        }
        return relative
    }
}
