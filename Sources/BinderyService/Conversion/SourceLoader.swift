import Foundation

/// Reads a source file from disk for the converter: its bytes (size-limited), the time its outputs
/// record (`SOURCE_DATE_EPOCH`, else the file's mtime) and the sidecar `NAME.meta.yaml` beside it.
public struct SourceLoader: Sendable {
    public var maximumBytes: Int
    /// Seconds since 1970 from `SOURCE_DATE_EPOCH`, when set; it wins over file times.
    public var sourceDateEpoch: Date?

    public init(maximumBytes: Int = 64 << 20, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.maximumBytes = maximumBytes
        self.sourceDateEpoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))
    }

    public func load(_ url: URL) throws(ConversionError) -> Converter.Source {
        let name = url.lastPathComponent
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw ConversionError(file: url.path, "cannot read: \(Self.reason(error))")
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw ConversionError(file: url.path, "not a regular file")
        }
        if let size = attributes[.size] as? Int, size > maximumBytes {
            throw ConversionError(file: url.path, "the file is \(size) bytes; the limit is \(maximumBytes)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConversionError(file: url.path, "cannot read: \(Self.reason(error))")
        }
        guard data.count <= maximumBytes else {
            throw ConversionError(file: url.path, "the file is \(data.count) bytes; the limit is \(maximumBytes)")
        }
        let modified = sourceDateEpoch ?? (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let sidecarURL = Self.sidecarURL(for: url)
        let sidecar = (try? Data(contentsOf: sidecarURL)).map { [UInt8]($0) }
        return Converter.Source(bytes: [UInt8](data), fileName: name, modified: modified, sidecar: sidecar)
    }

    /// `dir/book.txt` → `dir/book.meta.yaml`.
    public static func sidecarURL(for url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("meta.yaml")
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
