import BinderyProtocol
import Foundation
import Testing

@Suite("Control protocol codec")
struct ControlCodecTests {
    @Test("a request line decodes with a number or string id and params")
    func decodes() throws {
        let number = try ControlCodec.decodeRequest(Array(#"{"id":1,"method":"status"}"#.utf8)).get()
        #expect(number == ControlRequest(id: .number(1), method: "status"))
        let string = try ControlCodec.decodeRequest(Array(#"{"id":"a","method":"submit","params":{"path":"x.txt","formats":["epub"]}}"#.utf8)).get()
        #expect(string.params?["path"]?.stringValue == "x.txt")
        #expect(string.params?["formats"] == .array([.string("epub")]))
    }

    @Test("malformed lines become errors, never crashes", arguments: ["", "{", "[]", "null", #"{"id":1}"#, #"{"method":"status"}"#, "\u{FFFD}\u{0}", #"{"id":{"x":1},"method":"s"}"#])
    func malformed(line: String) {
        switch ControlCodec.decodeRequest(Array(line.utf8)) {
        case .success(let request): Issue.record("accepted \(request)")
        case .failure(let error): #expect(error.code == -32700)
        }
    }

    @Test("an oversized line is refused before parsing")
    func oversized() {
        let line = Array(repeating: UInt8(0x20), count: ControlProtocol.maximumLineBytes)
        guard case .failure(let error) = ControlCodec.decodeRequest(line) else {
            Issue.record("accepted an oversized line")
            return
        }
        #expect(error.code == -32600)
    }

    @Test("responses are one line each, with sorted keys")
    func encodes() {
        let ok = ControlCodec.encode(.success(.number(7), .object(["protocol": .number(1)])))
        #expect(String(decoding: ok, as: UTF8.self) == "{\"id\":7,\"result\":{\"protocol\":1}}\n")
        let failure = ControlCodec.encode(.failure(.string("x"), .unknownMethod("fly")))
        #expect(String(decoding: failure, as: UTF8.self) == "{\"error\":{\"code\":-32601,\"message\":\"unknown method 'fly'\"},\"id\":\"x\"}\n")
    }
}
