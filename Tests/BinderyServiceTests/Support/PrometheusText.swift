import Foundation

/// A strict parser of the Prometheus text exposition format (0.0.4): names, label syntax and escapes,
/// values, `# TYPE` before its samples and at most once, each family's samples together, no series twice,
/// counters not negative, and histograms whole (`_bucket` with `le` rising to `+Inf`, cumulative counts,
/// `+Inf` equal to `_count`, a `_sum`). Any departure throws, naming the line.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var name: String
        var type: String
        var samples: [Sample] = []
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var families: [String: Family] = [:]

    init(_ text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Failure(description: "the text does not end with a newline") }
        var order: [String] = []
        var closed = Set<String>()
        var seen = Set<String>()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            func fail(_ why: String) -> Failure { Failure(description: "line \(number + 1) '\(line)': \(why)") }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3, parts[0] == "#", parts[1] == "TYPE" || parts[1] == "HELP" else { continue }
                let name = String(parts[2])
                guard Self.isMetricName(name) else { throw fail("bad metric name") }
                guard parts[1] == "TYPE" else { continue }
                guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else { throw fail("bad type") }
                guard families[name] == nil else { throw fail("a second TYPE for \(name)") }
                if let last = order.last { closed.insert(last) }
                families[name] = Family(name: name, type: String(parts[3]))
                order.append(name)
                continue
            }
            let sample = try Self.sample(String(line), fail)
            let family = families[sample.name] != nil ? sample.name : ["_bucket", "_sum", "_count"].compactMap { suffix -> String? in
                guard sample.name.hasSuffix(suffix) else { return nil }
                let base = String(sample.name.dropLast(suffix.count))
                return families[base]?.type == "histogram" || families[base]?.type == "summary" ? base : nil
            }.first ?? sample.name
            if families[family] == nil {
                if let last = order.last { closed.insert(last) }
                families[family] = Family(name: family, type: "untyped")
                order.append(family)
            }
            guard !closed.contains(family), order.last == family else { throw fail("samples of \(family) are not together") }
            let key = sample.name + "{" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
            guard seen.insert(key).inserted else { throw fail("series given twice") }
            if families[family]?.type == "counter", !(sample.value >= 0) { throw fail("a counter below zero") }
            families[family]?.samples.append(sample)
        }
        for family in families.values where family.type == "histogram" { try Self.checkHistogram(family) }
    }

    /// The value of one series, or nil.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        families.values.lazy.flatMap(\.samples).first { $0.name == name && $0.labels == labels }?.value
    }

    private static func isMetricName(_ name: String) -> Bool { name.wholeMatch(of: /[a-zA-Z_:][a-zA-Z0-9_:]*/) != nil }

    private static func sample(_ line: String, _ fail: (String) -> Failure) throws -> Sample {
        var rest = Substring(line)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
        guard isMetricName(name) else { throw fail("bad metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                guard label.wholeMatch(of: /[a-zA-Z_][a-zA-Z0-9_]*/) != nil else { throw fail("bad label name") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw fail("label \(label) without =\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while true {
                    guard let character = rest.first else { throw fail("unterminated label value") }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\\" {
                        guard let escaped = rest.first, ["\\", "\"", "n"].contains(escaped) else { throw fail("bad escape") }
                        value.append(escaped == "n" ? "\n" : escaped)
                        rest = rest.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                guard labels.updateValue(value, forKey: label) == nil else { throw fail("label \(label) twice") }
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw fail("expected , or }") }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw fail("no space before the value") }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard (1...2).contains(fields.count), let value = parseValue(String(fields[0])) else { throw fail("bad value") }
        if fields.count == 2, Int64(fields[1]) == nil { throw fail("bad timestamp") }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func parseValue(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return text.wholeMatch(of: /[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?/) != nil ? Double(text) : nil
        }
    }

    private static func checkHistogram(_ family: Family) throws {
        func fail(_ why: String) -> Failure { Failure(description: "histogram \(family.name): \(why)") }
        var series: [[String: String]: (buckets: [(Double, Double)], sum: Double?, count: Double?)] = [:]
        for sample in family.samples {
            var labels = sample.labels
            switch sample.name {
            case family.name + "_bucket":
                guard let bound = labels.removeValue(forKey: "le").flatMap(parseValue) else { throw fail("a bucket without le") }
                series[labels, default: ([], nil, nil)].buckets.append((bound, sample.value))
            case family.name + "_sum": series[labels, default: ([], nil, nil)].sum = sample.value
            case family.name + "_count": series[labels, default: ([], nil, nil)].count = sample.value
            default: throw fail("unexpected sample \(sample.name)")
            }
        }
        for (labels, parts) in series {
            guard let count = parts.count, parts.sum != nil else { throw fail("\(labels): no _sum or _count") }
            guard let last = parts.buckets.last, last.0 == .infinity, last.1 == count else { throw fail("\(labels): +Inf bucket missing or not _count") }
            for (previous, next) in zip(parts.buckets, parts.buckets.dropFirst()) where !(previous.0 < next.0 && previous.1 <= next.1) {
                throw fail("\(labels): buckets not rising")
            }
        }
    }
}
