import BinderyModel
@testable import BinderyText
import Foundation
import Testing

/// Title and people against the truth of `../shared/corpus` and `../shared/books`: what the text gives is found, with
/// its role; what it does not give is a warning, never a chapter numeral, a quoted source or a blurb.
@Suite("Metadata against the truth")
struct MetadataTruthTests {
    static let shared = CorpusTests.root.appendingPathComponent("../shared").standardizedFileURL

    /// Lower-cased words, punctuation dropped.
    static func key(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// Each document with its truth's title and people (`Name (editors)` gives the role).
    static func cases() -> [(name: String, text: String, title: String, people: [String])] {
        var found: [(String, String, String, [String])] = []
        let files = FileManager.default
        for name in ((try? files.contentsOfDirectory(atPath: shared.appendingPathComponent("corpus").path)) ?? []).sorted() where name.hasSuffix(".txt") {
            let stem = String(name.dropLast(4))
            guard let text = try? String(contentsOf: shared.appendingPathComponent("corpus/" + name), encoding: .utf8),
                  let data = try? Data(contentsOf: shared.appendingPathComponent("truth/\(stem).json")),
                  let truth = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            found.append((stem, text, truth["title"] as? String ?? "", truth["authors"] as? [String] ?? []))
        }
        for name in ((try? files.contentsOfDirectory(atPath: shared.appendingPathComponent("books").path)) ?? []).sorted() where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: shared.appendingPathComponent("books/" + name), encoding: .utf8),
                  let data = try? Data(contentsOf: shared.appendingPathComponent("books/\(name.prefix(3)).truth.json")),
                  let truth = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            found.append((String(name.dropLast(4)), text, truth["title"] as? String ?? "", [truth["author"] as? String ?? ""]))
        }
        return found
    }

    /// The text gives a title or a name when a line of its own holds it (with a `by …` or a period at most), not when
    /// prose quotes it.
    static func standsOnALine(_ wanted: String, _ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let lineKey = key(String(line))
            return lineKey.count <= wanted.count + 30 && lineKey.contains(wanted)
        }
    }

    /// Levenshtein distance.
    static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    @Test("the title and every person the text names are found, editors as editors; what it does not name is a warning")
    func againstTruth() throws {
        let cases = Self.cases()
        if cases.isEmpty { #expect(ProcessInfo.processInfo.environment["CI"] != "true", "../shared is missing"); return }
        var right = 0
        for item in cases {
            let document = try TextReader().read(Array(item.text.utf8))
            let metadata = document.metadata
            let codes = Set(document.diagnostics.map(\.code))
            let shown = Self.key([metadata.title, metadata.subtitle].compactMap { $0 }.joined(separator: " "))
            let truthTitle = Self.key(item.title)
            var titleRight = false
            if Self.standsOnALine(truthTitle, item.text) {
                titleRight = shown.hasSuffix(truthTitle) || truthTitle.hasSuffix(shown) && !shown.isEmpty
                #expect(titleRight, "\(item.name): title “\(shown)” against “\(truthTitle)”")
            } else {
                titleRight = codes.contains("metadata.title-missing") || codes.contains("metadata.title-from-heading")
                #expect(titleRight, "\(item.name): “\(shown)” with no warning")
            }
            let people = metadata.creators + metadata.contributors
            for person in people { #expect(!person.name.contains { $0 == "(" || $0.isNumber }, "\(item.name): \(person.name)") }
            var peopleRight = true
            for truthName in item.people {
                let name = truthName.components(separatedBy: " (")[0]
                guard Self.standsOnALine(Self.key(name), item.text) else { continue }
                // A credit and a signature may spell a name apart (`Rudolph` / `Rudolf`).
                let match = people.first { Self.distance(Self.key($0.name), Self.key(name)) <= 2 }
                let role = truthName.contains("(editor") ? "edt" : "aut"
                peopleRight = peopleRight && match?.role == role
                #expect(match?.role == role, "\(item.name): \(name) as \(role) among \(people.map { "\($0.name) \($0.role)" })")
            }
            if metadata.creators.isEmpty { #expect(codes.contains("metadata.author-missing"), "\(item.name): no creator and no warning") }
            if titleRight && peopleRight { right += 1 }
        }
        print("metadata: title and people found, or warned of where the text does not give them, in \(right) of \(cases.count) documents")
    }
}
