import Foundation

/// Makes the converter's `Source` for the CLI and the daemon alike: its bytes (size-limited), the time its
/// outputs record (`SOURCE_DATE_EPOCH`, else the file's mtime) and the sidecar `NAME.meta.yaml` beside it.
/// `load` reads a file itself; the daemon, which reads through its own no-link descriptors, calls `source`.
public struct SourceLoader: Sendable {
    public var maximumBytes: Int
    /// Seconds since 1970 from `SOURCE_DATE_EPOCH`, when set; it wins over file times.
    public var sourceDateEpoch: Date?

    public init(maximumBytes: Int = 64 << 20, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(maximumBytes: maximumBytes, sourceDateEpoch: Self.sourceDateEpoch(in: environment))
    }

    public init(maximumBytes: Int = 64 << 20, sourceDateEpoch: Date?) {
        self.maximumBytes = maximumBytes
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970) of `environment`, when it is set to a number.
    public static func sourceDateEpoch(in environment: [String: String]) -> Date? {
        environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))
    }

    /// The source as the converter reads it; its outputs record `SOURCE_DATE_EPOCH` when set, else `modified`.
    public func source(bytes: [UInt8], fileName: String, modified: Date, sidecar: [UInt8]?, resources: [String: [UInt8]] = [:],
                       digest: ContentDigest? = nil) -> Converter.Source {
        Converter.Source(bytes: bytes, fileName: fileName, modified: sourceDateEpoch ?? modified, sidecar: sidecar, resources: resources, digest: digest)
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
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let sidecarURL = URL(fileURLWithPath: SourceNaming.sidecar(of: url.path))
        let sidecar = (try? Data(contentsOf: sidecarURL)).map { [UInt8]($0) }
        let folder = url.deletingLastPathComponent().path
        let resources = SidecarResources.load(SidecarResources.paths(in: sidecar)) { path in
            NoLinkFile.read(path, below: folder, limit: SidecarResources.maximumBytes)
        }
        return source(bytes: [UInt8](data), fileName: name, modified: modified, sidecar: sidecar, resources: resources)
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
