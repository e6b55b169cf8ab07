#if canImport(Glibc)
import Glibc
#endif

/// Gives back to the system the memory malloc holds free (glibc's `malloc_trim`): after a large
/// conversion the arenas keep hundreds of megabytes that nothing uses, which the process's RSS goes on counting.
enum MemoryTrim {
    /// `malloc_trim`, looked up at run time: Swift's Glibc module does not import `malloc.h` (nil on another libc).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    static func release() {
        _ = trim?(0)
    }
}
