import BinderyConversion
import BinderyText
import BinderyWriters
import Foundation

/// The identity of a conversion: (source SHA-256 + sidecar SHA-256, Bindery version, settings hash).
/// The same key is never converted twice.
package struct JobKey: Sendable, Hashable {
    /// SHA-256 over everything besides the source that shapes the outputs.
    package let settingsHash: String

    /// `sourceDateEpoch` (`SOURCE_DATE_EPOCH`) is hashed only when set, so keys made without it are unchanged.
    package init(reader: ReaderOptions, writer: WriterSettings, formats: [OutputFormat], templates: TemplateSet, sourceDateEpoch: Date? = nil) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var text = (try? String(decoding: encoder.encode(reader), as: UTF8.self)) ?? ""
        text += (try? String(decoding: encoder.encode(writer), as: UTF8.self)) ?? ""
        text += formats.map(\.rawValue).joined(separator: ",")
        for name in TemplateSet.requiredFiles { text += "\u{0}\(name)\u{0}" + templates.text(name) }
        if let sourceDateEpoch { text += "\u{0}SOURCE_DATE_EPOCH=\(sourceDateEpoch.timeIntervalSince1970)" }
        settingsHash = ContentDigest(Array(text.utf8)).hex
    }

    /// The key of one source, by its digest, and of its sidecar, if any, with the files it names (a cover, a style
    /// sheet) hashed in after it: a changed cover makes a new key. Without such files the key is as it always was.
    package func key(source: ContentDigest, sidecar: [UInt8]?, resources: [String: [UInt8]] = [:]) -> String {
        var sidecarPart = sidecar.map { ContentDigest($0).hex } ?? "-"
        if !resources.isEmpty {
            let listed = resources.sorted { $0.key < $1.key }.map { "\($0.key)\u{0}\(ContentDigest($0.value).hex)" }.joined(separator: "\u{0}")
            sidecarPart = ContentDigest(Array((sidecarPart + "\u{0}" + listed).utf8)).hex
        }
        return "\(source.hex):\(sidecarPart)" + settingsSuffix
    }

    /// True when `key` was made by this version with these settings (whatever the source).
    package func hasSameSettings(_ key: String) -> Bool { key.hasSuffix(settingsSuffix) }

    private var settingsSuffix: String { ":\(BinderyVersion.current):\(settingsHash)" }
}
