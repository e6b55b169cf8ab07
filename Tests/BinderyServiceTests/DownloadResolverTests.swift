import Foundation
import Logging
import Testing
@testable import BinderyService

/// `DownloadResolver` trusts neither the URL nor the store's paths: only a regular file inside out/ is served.
@Suite struct DownloadResolverTests {
    @Test("a record's path that leaves out/ (.., absolute, a link out, a directory) resolves to nothing")
    func recordsOutsideOutAreRefused() throws {
        let directory = try TemporaryDirectory("bindery-resolver")
        defer { directory.remove() }
        try directory.write("EPUB BYTES", to: "out/a.epub")
        try directory.write("SECRET", to: "secret.txt")
        try FileManager.default.createDirectory(at: directory.path("out/dir.tei.xml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.path("out/link.bag.zip"), withDestinationURL: directory.path("secret.txt"))
        try FileManager.default.createDirectory(at: directory.path("state"), withIntermediateDirectories: true)
        let store = try StateStore(directory: directory.path("state"), logger: Logger(label: "test"))
        func output(_ path: String, _ format: String, of document: String) -> OutputRecord {
            OutputRecord(path: path, documentPath: document, format: format, size: 1, sha256: "x", jobKey: "k", publishedAt: 1)
        }
        let job = JobRecord(id: nil, path: "a.txt", trigger: "event", jobKey: "k", queuedAt: 1, startedAt: 1, finishedAt: 1, attempts: 1, outcome: .published)
        try store.recordPublished(
            DocumentRecord(path: "a.txt", size: 1, sha256: "x", jobKey: "k", state: .published, error: nil, updatedAt: 1),
            outputs: [output("a.epub", "epub", of: "a.txt"), output("dir.tei.xml", "tei", of: "a.txt"), output("link.bag.zip", "text", of: "a.txt"),
                      output("../secret.txt", "proof", of: "a.txt")],
            job: job)
        try store.recordPublished(
            DocumentRecord(path: "b.txt", size: 1, sha256: "x", jobKey: "k", state: .published, error: nil, updatedAt: 1),
            outputs: [output(directory.path("secret.txt").path, "epub", of: "b.txt"), output("./a.epub", "tei", of: "b.txt")], job: job)
        let resolver = DownloadResolver(store: store, out: directory.path("out"))
        let a = LibraryEntry.id(of: "a.txt"), b = LibraryEntry.id(of: "b.txt")

        let epub = try #require(resolver.file(id: a, kind: "epub"))
        #expect(epub.read(at: 0, count: epub.size) == Array("EPUB BYTES".utf8))
        #expect(epub.name == "a.epub" && epub.size == 10 && epub.kind == .epub)
        for (id, kind) in [(a, "tei"), (a, "bag"), (a, "proof"), (b, "epub"), (b, "tei"), (a, "text"), (a.uppercased(), "epub"), (String(a.dropLast()), "epub"), ("../a.txt", "epub")] {
            #expect(resolver.file(id: id, kind: kind) == nil, "\(id)/\(kind)")
        }
    }

    @Test("a book republished (renamed over) after it was resolved is still read whole as it was, at the size resolved")
    func republishedMidDownload() throws {
        let directory = try TemporaryDirectory("bindery-resolver")
        defer { directory.remove() }
        let first = Array(repeating: UInt8(ascii: "a"), count: 300_000)
        try directory.write("a shorter book", to: "out/next.epub")
        try Data(first).write(to: directory.path("out/a.epub"))
        try FileManager.default.createDirectory(at: directory.path("state"), withIntermediateDirectories: true)
        let store = try StateStore(directory: directory.path("state"), logger: Logger(label: "test"))
        try store.recordPublished(
            DocumentRecord(path: "a.txt", size: 1, sha256: "x", jobKey: "k", state: .published, error: nil, updatedAt: 1),
            outputs: [OutputRecord(path: "a.epub", documentPath: "a.txt", format: "epub", size: 1, sha256: "x", jobKey: "k", publishedAt: 1)],
            job: JobRecord(id: nil, path: "a.txt", trigger: "event", jobKey: "k", queuedAt: 1, startedAt: 1, finishedAt: 1, attempts: 1, outcome: .published))
        let resolver = DownloadResolver(store: store, out: directory.path("out"))

        let file = try #require(resolver.file(id: LibraryEntry.id(of: "a.txt"), kind: "epub"))
        #expect(rename(directory.path("out/next.epub").path, directory.path("out/a.epub").path) == 0)
        var body: [UInt8] = []
        while body.count < file.size, let chunk = file.read(at: body.count, count: min(128 * 1024, file.size - body.count)), !chunk.isEmpty {
            body += chunk
        }
        #expect(file.size == first.count && body == first)
        // A new request gets the new book.
        #expect(resolver.file(id: LibraryEntry.id(of: "a.txt"), kind: "epub")?.size == 14)
    }

    @Test("Content-Disposition: any corpus name becomes a safe ASCII filename and an exact filename*")
    func disposition() {
        #expect(DownloadKind.epub.disposition("one.epub") == "attachment; filename=\"one.epub\"; filename*=UTF-8''one.epub")
        #expect(DownloadKind.proof.disposition("l\"\u{E9}t\u{E9}\n.proof.html")
            == "inline; filename=\"l__t__.proof.html\"; filename*=UTF-8''l%22%C3%A9t%C3%A9%0A.proof.html")
    }
}
