/// A fixed set of lower-case ASCII words, looked up by an FNV-1a hash that the caller computes while it
/// reads a token; the token's bytes are compared lower-cased, in place. Open addressing, at most a quarter full.
struct ASCIIWordTable {
    static let basis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    private var storage: [UInt8] = []
    private var starts: [Int] = []
    private var hashes: [UInt64] = []
    /// Entry index per slot, -1 when empty.
    private var slots: [Int]
    private let mask: Int

    init(_ words: [[UInt8]]) {
        var size = 64
        while size < words.count * 4 { size <<= 1 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for word in words {
            let hash = word.reduce(Self.basis, Self.step)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = hashes.count
            hashes.append(hash)
            starts.append(storage.count)
            storage += word
        }
        starts.append(storage.count)
    }

    var count: Int { hashes.count }

    func word(_ index: Int) -> ArraySlice<UInt8> { storage[starts[index]..<starts[index + 1]] }

    /// The entry equal to `bytes[range]` lower-cased (ASCII letters only), whose hash is `hash`.
    func index(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if hashes[entry] == hash, starts[entry + 1] - starts[entry] == range.count {
                var offset = starts[entry]
                var equal = true
                for position in range {
                    let byte = bytes[position]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != storage[offset] { equal = false; break }
                    offset += 1
                }
                if equal { return entry }
            }
            slot = (slot + 1) & mask
        }
    }
}
