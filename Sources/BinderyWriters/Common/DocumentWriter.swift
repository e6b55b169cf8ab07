import BinderyModel

/// One output format: a `Document` and its context in, the bytes of one file out. Pure: no clock, no file system.
public protocol DocumentWriter: Sendable {
    func write(_ document: Document, context: WriteContext) throws(WriterError) -> [UInt8]
}

/// Why a writer could not produce its output.
public struct WriterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var format: String
    public var message: String

    public init(format: String, _ message: String) {
        self.format = format
        self.message = message
    }

    public var description: String { "\(format): \(message)" }
}
