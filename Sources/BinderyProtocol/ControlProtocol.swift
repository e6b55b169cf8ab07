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

/// A JSON value for request parameters and results.
public indirect enum JSONValue: Sendable, Hashable, Codable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
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

/// Turns request lines into requests and responses into lines.
public enum ControlCodec {
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(response)) ?? Data(#"{"error":{"code":-32603,"message":"cannot encode the response"}}"#.utf8)
        return Array(data) + [0x0A]
    }
}
