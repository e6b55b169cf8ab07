import Crypto

/// The SHA-256 of some bytes, computed once: its hex names a source, sidecar, output or settings text in
/// job keys and records, and a source's digest also gives the document its default identifier.
public struct ContentDigest: Sendable, Hashable {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    public init(_ content: [UInt8]) {
        bytes = Array(SHA256.hash(data: content))
    }

    /// Lower-case hex, 64 characters.
    public var hex: String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// A `urn:uuid:` made from the digest (RFC 9562 version 8 layout): same content, same id.
    public var identifier: String {
        var uuid = Array(bytes.prefix(16))
        uuid[6] = (uuid[6] & 0x0F) | 0x80
        uuid[8] = (uuid[8] & 0x3F) | 0x80
        let hex = uuid.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}
