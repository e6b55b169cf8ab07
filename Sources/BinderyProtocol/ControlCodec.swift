import Foundation

/// The framing of both ends: one JSON object per line, UTF-8, sorted keys, `\n` after each.
public enum ControlCodec {
    /// The one encoder of every line (sorted keys, slashes as is).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes one line (without its newline); malformed input becomes a `ControlError`, never a crash.
    public static func decodeRequest(_ line: [UInt8]) -> Result<ControlRequest, ControlError> {
        guard line.count < ControlProtocol.maximumLineBytes else { return .failure(.tooLarge()) }
        do {
            return .success(try JSONDecoder().decode(ControlRequest.self, from: Data(line)))
        } catch DecodingError.dataCorrupted(let context) {
            return .failure(.parse(context.debugDescription))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(.parse("missing '\(key.stringValue)'"))
        } catch {
            return .failure(.parse("not a request object"))
        }
    }

    /// A response as one line of JSON ending in a newline.
    public static func encode(_ response: ControlResponse) -> [UInt8] {
        line(response) ?? Array(#"{"error":{"code":-32603,"message":"cannot encode the response"}}"#.utf8) + [0x0A]
    }

    /// A typed result as one response line, encoded once: `{"id": …, "result": {…}}`.
    public static func encodeResult(_ id: RequestID?, _ result: some Encodable) -> [UInt8] {
        line(ResultLine(id: id, result: result)) ?? encode(.failure(id, ControlError(code: -32603, message: "cannot encode the result")))
    }

    /// A request as one line.
    public static func encode(_ request: ControlRequest) -> [UInt8]? { line(request) }

    /// An event line: `{"event": {...}}`.
    public static func encodeEvent(_ event: some Encodable) -> [UInt8] {
        line(EventLine(event: event)) ?? []
    }

    /// The event of an event line; nil for any other line.
    public static func decodeEvent(_ line: [UInt8]) -> ControlEvent? {
        try? JSONDecoder().decode(ReceivedEvent.self, from: Data(line)).event
    }

    /// A response line from the daemon; nil if it is not one.
    public static func decodeResponse(_ line: [UInt8]) -> ControlResponse? {
        try? JSONDecoder().decode(ControlResponse.self, from: Data(line))
    }

    private static func line(_ value: some Encodable) -> [UInt8]? {
        (try? encoder.encode(value)).map { Array($0) + [0x0A] }
    }

    private struct ResultLine<Result: Encodable>: Encodable {
        var id: RequestID?
        var result: Result
    }

    private struct EventLine<Event: Encodable>: Encodable {
        var event: Event
    }

    private struct ReceivedEvent: Decodable {
        var event: ControlEvent
    }
}

/// Bytes read from a socket, cut into lines (the newline dropped); both ends read through one.
public struct LineBuffer: Sendable {
    private var bytes: [UInt8] = []

    public init() {}

    /// Bytes received and not yet part of a whole line.
    public var pendingCount: Int { bytes.count }

    public mutating func append(_ chunk: some Sequence<UInt8>) { bytes.append(contentsOf: chunk) }

    /// The next whole line, without its newline; nil until one has arrived.
    public mutating func nextLine() -> [UInt8]? {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let line = Array(bytes[..<newline])
        bytes.removeSubrange(...newline)
        return line
    }

    public mutating func removeAll() { bytes.removeAll() }
}
