import BinderyText

/// libFuzzer entry: any bytes through the whole text reader (decoding and every structure stage).
/// A refused input (binary, empty, too large) is a normal outcome; a crash, a sanitizer report or
/// a timeout is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? TextReader().read(bytes)
    return 0
}
