import BinderyWriters
import Foundation
import Testing
@testable import BinderyService

/// The OPDS feed as rendered from store records, without a daemon.
@Suite struct OPDSFeedTests {
    private func book(_ path: String, identifier: String, date: String? = nil) -> LibraryEntry {
        let metadata = BookMetadata(json: """
            {"title":"\(path)","authors":[],"language":"en","identifier":"\(identifier)","subjects":[]\(date.map { ",\"date\":\"\($0)\"" } ?? "")}
            """)
        #expect(metadata != nil)
        let document = DocumentRecord(path: path, size: 1, sha256: "x", jobKey: "k", state: .published, error: nil, updatedAt: 1, metadata: metadata?.json)
        let epub = OutputRecord(path: "\(path).epub", documentPath: path, format: "epub", size: 1, sha256: "x", jobKey: "k", publishedAt: 1)
        return LibraryEntry(document: document, outputs: [.epub: epub], lastJob: nil)
    }

    @Test("two copies of one source (one UUID) get their path ids; a unique identifier is kept; the date is dc:issued")
    func idsAreUniqueAndTheDateIsShown() throws {
        let shared = "urn:uuid:0f8e3c2a-1b2c-5d3e-8f4a-123456789abc"
        let feed = OPDSFeed(entries: [book("a.txt", identifier: shared), book("b.txt", identifier: shared),
                                      book("c.txt", identifier: "urn:isbn:9780000000002", date: "1851")], pageSize: 50)
        let xml = String(decoding: try feed.render(page: 1), as: UTF8.self)
        let ids = xml.matches(of: /<id>([^<]*)<\/id>/).map { String($0.1) }
        #expect(ids == ["urn:bindery:catalog", "urn:bindery:book:\(LibraryEntry.id(of: "a.txt"))", "urn:bindery:book:\(LibraryEntry.id(of: "b.txt"))",
                        "urn:isbn:9780000000002"])
        #expect(xml.matches(of: /<dc:issued>1851<\/dc:issued>/).count == 1)
    }
}
