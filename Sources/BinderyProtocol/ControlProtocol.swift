import Foundation

/// The control protocol between `bindery` clients and the daemon.
///
/// Wire format: newline-delimited JSON over a Unix stream socket, UTF-8, one object per line.
/// A request is `{"id": <int|string>, "method": "<name>", "params": {…}}`; the daemon answers every
/// request with exactly one line, `{"id": …, "result": {…}}` or `{"id": …, "error": {"code": <int>,
/// "message": "…"}}`. A line longer than `ControlProtocol.maximumLineBytes` is refused. `status`
/// reports the `protocol` version; a client that sees a higher major version should stop.
public enum ControlProtocol {
    /// The protocol version reported by `status`.
    public static let version = 1
    /// Longest request line accepted, newline included.
    public static let maximumLineBytes = 64 * 1024
}

/// A request id: the client's number or string, echoed in the response.
public enum RequestID: Sendable, Hashable, Codable {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }
}

public struct ControlRequest: Sendable, Hashable, Codable {
    public var id: RequestID
    public var method: String
    public var params: JSONValue?

    public init(id: RequestID, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }
}

public struct ControlResponse: Sendable, Hashable, Codable {
    public var id: RequestID?
    public var result: JSONValue?
    public var error: ControlError?

    public static func success(_ id: RequestID?, _ result: JSONValue) -> ControlResponse {
        ControlResponse(id: id, result: result, error: nil)
    }

    public static func failure(_ id: RequestID?, _ error: ControlError) -> ControlResponse {
        ControlResponse(id: id, result: nil, error: error)
    }
}

/// An error answer; codes follow JSON-RPC where one fits.
public struct ControlError: Error, Sendable, Hashable, Codable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parse(_ detail: String) -> ControlError { ControlError(code: -32700, message: "malformed request: \(detail)") }
    public static func tooLarge() -> ControlError { ControlError(code: -32600, message: "request larger than \(ControlProtocol.maximumLineBytes) bytes") }
    public static func unknownMethod(_ name: String) -> ControlError { ControlError(code: -32601, message: "unknown method '\(name)'") }
    public static func invalidParams(_ detail: String) -> ControlError { ControlError(code: -32602, message: detail) }
}
