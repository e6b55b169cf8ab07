/// A failure of libxml2: writing, parsing or validating, with libxml2's own message.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case writer, parse, schema, invalid
    }

    public var code: Code
    public var message: String
    public var line: Int?

    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
