import BinderyProtocol

/// libFuzzer entry: any bytes as request lines of the control socket, split at newlines as the
/// server splits them. Each line must decode to a request or an error, and whatever decodes must
/// encode back to one line, and its parameters must read as every method reads them without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzControlCodec(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        switch ControlCodec.decodeRequest(Array(line)) {
        case .success(let request):
            let encoded = ControlCodec.encode(.success(request.id, request.params ?? .null))
            precondition(encoded.last == 0x0A && encoded.dropLast().allSatisfy { $0 != 0x0A }, "a response spans lines")
            // Every method's parameters are read (a number out of range must throw, not trap).
            _ = try? ControlParams.Job(request.params)
            _ = try? ControlParams.Jobs(request.params)
            _ = try? ControlParams.Documents(request.params)
            _ = try? ControlParams.Path(request.params, method: request.method)
        case .failure(let error):
            precondition((-32768 ... -32000).contains(error.code), "an error code outside the JSON-RPC range")
        }
    }
    return 0
}
