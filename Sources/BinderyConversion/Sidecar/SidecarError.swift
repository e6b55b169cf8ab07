/// What is wrong with a sidecar, each problem with its line and key; the document is then converted
/// with inference alone.
public struct SidecarError: Error, Sendable, CustomStringConvertible {
    /// One problem: where it is (line of the sidecar, dotted key) and what is wrong.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int?
        public var key: String?
        public var message: String

        public init(line: Int?, key: String?, _ message: String) {
            self.line = line
            self.key = key
            self.message = message
        }

        public var description: String {
            [line.map { "line \($0)" }, key.map { "key '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
                + (line == nil && key == nil ? "" : ": ") + message
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) { self.problems = problems }

    public init(_ message: String, line: Int? = nil, key: String? = nil) {
        problems = [Problem(line: line, key: key, message)]
    }

    public var message: String { problems.map(\.description).joined(separator: "; ") }

    public var description: String { message }
}
