/// Why a source could not be read at all (everything less is a `Diagnostic`).
public struct ReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case binary, empty, tooLarge, undecodable
        /// The caller's `TextReader.shouldStop` asked the reader to stop (a cancelled or overdue job).
        case stopped
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
