import BinderyWriters
import Foundation

extension WriteContext {
    /// A fixed context: the same document always gives the same bytes.
    static func fixture(_ settings: WriterSettings = WriterSettings()) -> WriteContext {
        WriteContext(stem: "every", modified: Date(timeIntervalSince1970: 1_700_000_000),
                     identifier: "urn:uuid:12345678-1234-8234-8234-123456789abc", settings: settings, templates: .bundled)
    }
}
