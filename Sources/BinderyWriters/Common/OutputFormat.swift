/// The output formats, by id as used on the command line and in the configuration.
public enum OutputFormat: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case epub, tei, text, proof

    /// The three publications; the proof is made on request (`--to proof`, the daemon's `proof: true`).
    public static let publications: [OutputFormat] = [.epub, .tei, .text]

    /// The suffix appended to a document's stem: `book.epub`, `book.tei.xml`, `book.bag.zip`.
    public var fileSuffix: String {
        switch self {
        case .epub: ".epub"
        case .tei: ".tei.xml"
        case .text: ".bag.zip"
        case .proof: ".proof.html"
        }
    }

    /// The writer for this format (pandoc's registry table).
    public var writer: any DocumentWriter {
        switch self {
        case .epub: EPUBWriter()
        case .tei: TEIWriter()
        case .text: TextBundleWriter()
        case .proof: ProofWriter()
        }
    }

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
