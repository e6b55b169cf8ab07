import BinderyTestSupport
import Foundation
import Testing
import BinderyProtocol
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP endpoint of a real `bindery serve` (`http.listen` on 127.0.0.1, port 0): off by default, the
/// Prometheus text, the OPDS catalog and its downloads (EPUBCheck), the index, no traversal, the limits.
@Suite("HTTP endpoint, end to end", .serialized)
struct HTTPEndpointTests {
    /// Two books (one with a sidecar) and a binary file that fails.
    private func started(_ http: String = "") throws -> DaemonProcess {
        let daemon = try DaemonProcess()
        try daemon.write("A FIRST BOOK\n\nby Ann Author\n\n\nCHAPTER I\n\n" + String(repeating: "Words of a first paragraph, long enough to be prose. ", count: 6) + "\n\nThe end.\n", to: "one.txt")
        try daemon.write("Le second livre\n\nUn paragraphe assez long pour être de la prose, avec des mots et encore des mots pour le lecteur.\n", to: "shelf/two.txt")
        try daemon.write("title: Le Second Livre\nauthor: [Bea Autrice, Cy Coauteur]\nlang: fr\nsubject: [essais]\n", to: "shelf/two.meta.yaml")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7919 % 251) }).write(to: daemon.corpus.appendingPathComponent("junk.txt"))
        let config = daemon.directory.path("bindery.yaml")
        try Data("watch:\n  output_audit_seconds: 0\n\(http)".utf8).write(to: config)
        try daemon.start(["--config", config.path])
        return daemon
    }

    /// Waits for the three jobs and the endpoint; returns its port (from the `http.listening` line).
    private func waitForLibrary(_ daemon: DaemonProcess) async throws -> Int {
        let done = await eventually(timeout: 90) {
            let store = daemon.store()
            return store?.published("one.txt") == 1 && store?.published("shelf/two.txt") == 1 && store?.document("junk.txt")?.state == .failed
                && !daemon.logLines("http.listening").isEmpty
        }
        try #require(done, "the daemon did not publish and listen: \(daemon.log.suffix(3000))")
        let line = try #require(daemon.logLines("http.listening").first)
        let port = try #require(line.firstMatch(of: /address=127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
        #expect(port > 0)
        return port
    }

    private static let listen = "http:\n  listen: 127.0.0.1:0\n"

    private func id(_ path: String) -> String { LibraryEntry.id(of: path) }

    @Test("no http.listen: no listener at all")
    func offByDefault() async throws {
        let daemon = try started()
        defer { daemon.stop(); daemon.tearDown() }
        #expect(await eventually(timeout: 90) { daemon.store()?.published("one.txt") == 1 && daemon.store()?.document("junk.txt")?.state == .failed })
        // The endpoint would be up before the first jobs end; a moment more for good measure.
        try await Task.sleep(for: .milliseconds(300))
        #expect(daemon.isRunning)
        #expect(daemon.logLines("http.listening").isEmpty)
        #expect(listeningTCPPorts(pid: daemon.pid).isEmpty)
    }

    @Test("/healthz answers, and the port logged is the one the daemon listens on")
    func healthz() async throws {
        let daemon = try started(Self.listen)
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        #expect(listeningTCPPorts(pid: daemon.pid) == [port])
        let health = try RawHTTPClient(port: port).get("/healthz")
        #expect(health.status == 200)
        #expect(health.text == "running\n")
        #expect(daemon.stop() == 0)
    }

    @Test("while a stopping daemon drains its jobs, /healthz answers 503 draining; then the port is closed")
    func healthzWhileDraining() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        // An 8 MB book keeps the one worker busy for seconds (debug build): the drain waits for it.
        let book = try String(contentsOf: PackagePaths.corpus.appendingPathComponent("002_32c12c04ebb8bb88.txt"), encoding: .utf8)
        try daemon.write(String(repeating: book, count: 6), to: "large.txt")
        let config = daemon.directory.path("bindery.yaml")
        try Data((Self.listen + "queue:\n  parallelism: 1\nlifecycle:\n  grace_seconds: 120\n").utf8).write(to: config)
        try daemon.start(["--config", config.path])
        try #require(await eventually(timeout: 30) { !daemon.logLines("http.listening").isEmpty }, "\(daemon.log)")
        let port = try #require(daemon.logLines("http.listening").first?.firstMatch(of: /address=[^ ]*:(\d+)/).flatMap { Int($0.1) })
        let client = RawHTTPClient(port: port)
        #expect(try client.get("/healthz").status == 200)
        // The stop must find the book's job running, not queued or done: the control socket says when it runs.
        try #require(await eventually(timeout: 60) {
            (try? ControlClient(socketPath: daemon.state.appendingPathComponent("bindery.sock").path).call("status"))?.result?["running"] == .number(1)
        }, "\(daemon.log)")
        kill(daemon.pid, SIGTERM)
        var draining: RawHTTPClient.Response?
        _ = await eventually(timeout: 30) {
            guard let response = try? client.get("/healthz"), response.status == 503 else { return false }
            draining = response
            return true
        }
        #expect(draining?.text == "draining\n", "\(daemon.log)")
        #expect(daemon.store()?.published("large.txt") == 0, "the job ended before the stop: the test proves nothing")
        #expect(daemon.waitForExit(timeout: 120) == 0)
        #expect(daemon.store()?.published("large.txt") == 1)
        #expect(throws: RawHTTPClient.Failure.self) { _ = try client.get("/healthz") }
    }

    @Test("/metrics parses as Prometheus text; its counters follow the jobs")
    func metrics() async throws {
        let daemon = try started(Self.listen)
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        let client = RawHTTPClient(port: port)
        let response = try client.get("/metrics")
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let metrics = try PrometheusText(response.text)
        #expect(metrics.families["bindery_jobs_total"]?.type == "counter")
        #expect(metrics.families["bindery_conversion_seconds"]?.type == "histogram")
        #expect(metrics.families["bindery_queue_depth"]?.type == "gauge")
        #expect(metrics.value("bindery_jobs_total", ["outcome": "published"]) == 2)
        #expect(metrics.value("bindery_jobs_total", ["outcome": "failed"]) == 1)
        #expect(metrics.value("bindery_conversion_seconds_count", ["stage": "all"]) == 2)
        for stage in ["read", "epub", "tei", "text", "proof"] { #expect(metrics.value("bindery_conversion_seconds_count", ["stage": stage]) == 2, "\(stage)") }
        // The whole conversion's wall time holds its reading stage and its slowest writer.
        let whole = metrics.value("bindery_conversion_seconds_sum", ["stage": "all"]) ?? 0
        #expect(whole > 0)
        #expect(whole >= (metrics.value("bindery_conversion_seconds_sum", ["stage": "read"]) ?? .infinity))
        #expect(metrics.value("bindery_queue_depth") == 0)
        let store = try #require(daemon.store())
        let bytes = (store.outputs(of: "one.txt") + store.outputs(of: "shelf/two.txt")).reduce(0) { $0 + $1.size }
        #expect(bytes > 0)
        #expect(metrics.value("bindery_published_bytes_total") == Double(bytes))

        // A third book: the counters move with it.
        try daemon.write("A THIRD BOOK\n\nSome prose of a third book, long enough to be a paragraph.\n", to: "three.txt")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("three.txt") == 1 })
        let later = try PrometheusText(try client.get("/metrics").text)
        #expect(later.value("bindery_jobs_total", ["outcome": "published"]) == 3)
        #expect((later.value("bindery_published_bytes_total") ?? 0) > Double(bytes))
    }

    @Test("/opds is well-formed Atom, paged, and its acquisition links download EPUBs that pass EPUBCheck")
    func opds() async throws {
        let daemon = try started(Self.listen + "  page_size: 1\n")
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        let client = RawHTTPClient(port: port)
        let downloads = try TemporaryDirectory("bindery-opds")
        defer { downloads.remove() }
        var entries: [AtomFeed.Entry] = []
        for page in 1...2 {
            let response = try client.get("/opds?page=\(page)")
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/atom+xml;profile=opds-catalog;kind=acquisition")
            let feed = AtomFeed(response.body)
            #expect(feed.error == nil, "\(feed.error ?? ""): \(response.text)")
            #expect(feed.rootName == "{\(AtomFeed.atom)}feed")
            #expect(feed.entries.count == 1)
            let rels = Set(feed.links.map(\.rel))
            #expect(rels.isSuperset(of: ["self", "start"]))
            #expect(rels.contains("next") == (page == 1))
            #expect(rels.contains("previous") == (page == 2))
            if let next = feed.links.first(where: { $0.rel == "next" }) { #expect(next.href == "/opds?page=2") }
            entries += feed.entries
        }
        #expect(try client.get("/opds?page=3").status == 404)
        #expect(try client.get("/opds?page=0").status == 400)
        #expect(try client.get("/opds?page=x").status == 400)
        #expect(try client.get("/opds").status == 200)

        let atom = "{\(AtomFeed.atom)}"
        // The failed document is not a book of the catalog; the two published ones are, sorted by title.
        #expect(entries.compactMap { $0.fields[atom + "title"] } == ["A First Book", "Le Second Livre"])
        let second = try #require(entries.last)
        #expect(second.authors == ["Bea Autrice", "Cy Coauteur"])
        #expect(second.fields["{\(AtomFeed.dcterms)}language"] == "fr")
        #expect(entries.first?.fields[atom + "summary"]?.hasPrefix("Words of a first paragraph") == true)
        for (entry, path) in zip(entries, ["one", "shelf/two"]) {
            #expect(entry.fields[atom + "id"]?.hasPrefix("urn:") == true)
            #expect(entry.fields[atom + "updated"]?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            let acquisitions = entry.links.filter { $0.rel == "http://opds-spec.org/acquisition" }
            #expect(Set(acquisitions.map(\.type)) == ["application/epub+zip", "application/tei+xml", "application/zip"])
            for link in acquisitions {
                let file = try client.get(link.href)
                #expect(file.status == 200, "\(link.href)")
                #expect(file.headers["content-type"] == link.type)
                #expect(file.headers["content-disposition"]?.hasPrefix("attachment; filename=\"\((path as NSString).lastPathComponent)") == true)
                let suffix = ["application/epub+zip": ".epub", "application/tei+xml": ".tei.xml", "application/zip": ".bag.zip"][link.type] ?? "?"
                let published = try Data(contentsOf: daemon.out.appendingPathComponent(path + suffix))
                #expect(Data(file.body) == published, "\(link.href) is not \(path + suffix)")
                if link.type == "application/epub+zip" {
                    let saved = downloads.path("\(id(path + ".txt")).epub")
                    try Data(file.body).write(to: saved)
                    let check = try Validators.epubcheck(saved)
                    #expect(check.passed, "\(check.output)")
                }
            }
        }
    }

    @Test("/ lists every document, failed ones first, with its outputs and proof; the page is valid HTML")
    func index() async throws {
        let daemon = try started(Self.listen)
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        let client = RawHTTPClient(port: port)
        let page = try client.get("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        let html = page.text
        let rows = ["junk.txt", "one.txt", "shelf/two.txt"].map { html.range(of: "<td class=\"path\">\($0)</td>")?.lowerBound }
        #expect(rows.allSatisfy { $0 != nil }, "\(html)")
        #expect(rows.compactMap { $0 } == rows.compactMap { $0 }.sorted())
        #expect(html.contains("<tr class=\"failed\" id=\"d-\(id("junk.txt"))\">"))
        #expect(!html.contains("/books/\(id("junk.txt"))/"))
        for kind in ["epub", "tei", "bag", "proof"] { #expect(html.contains("href=\"/books/\(id("one.txt"))/\(kind)\"")) }
        let proof = try client.get("/books/\(id("shelf/two.txt"))/proof")
        #expect(proof.status == 200)
        #expect(proof.headers["content-type"] == "text/html; charset=utf-8")
        #expect(Data(proof.body) == (try Data(contentsOf: daemon.out.appendingPathComponent("shelf/two.proof.html"))))
        let saved = daemon.directory.path("index.html")
        try Data(page.body).write(to: saved)
        let check = try Validators.html5([saved])
        #expect(check.passed, "\(check.output)")
    }

    @Test("no URL reaches a file outside out/ or one the store does not name")
    func noTraversal() async throws {
        let daemon = try started(Self.listen)
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        let client = RawHTTPClient(port: port)
        let secret = daemon.directory.path("secret.txt")
        try Data("TOP-SECRET-\(UUID())".utf8).write(to: secret)
        let book = id("one.txt")
        let targets = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/..%2fsecret.txt", "/books/\(book)/../../secret.txt",
            "/books/\(book)/%2e%2e%2f%2e%2e%2fsecret.txt", "/books/\(book)/epub/../../../secret.txt", "/books/\(book)/epub%2f..%2f..%2fsecret.txt",
            "/books/..%2f..%2fsecret.txt/epub", "/books/%2e%2e/epub", "/books/\(book)/..", "/books/\(book)", "/books/\(book)/epub%00",
            secret.path, "/" + secret.path, "//etc/passwd", "/etc/passwd", "/books//etc/passwd/epub", "http://127.0.0.1/../secret.txt",
            "/out/one.epub", "/one.epub", "/state/bindery.sqlite", "/books/0000000000000000/epub", "/books/\(book)/txt", "/books/\(book)/EPUB",
            "/books/\(book.uppercased())/epub", "/books/one.txt/epub", "/books/\(id("junk.txt"))/epub", "/books/\(book)/sqlite",
        ]
        for target in targets {
            let response = try client.get(target)
            #expect([400, 404].contains(response.status), "\(target): \(response.status)")
            #expect(!response.text.contains("TOP-SECRET") && !response.text.contains("root:") && !response.text.contains("SQLite format"), "\(target)")
            #expect(!response.body.starts(with: Array("PK".utf8)), "\(target)")
        }
        // A published output swapped for a link out of out/ is not followed.
        let epub = daemon.out.appendingPathComponent("one.epub")
        try FileManager.default.removeItem(at: epub)
        try FileManager.default.createSymbolicLink(at: epub, withDestinationURL: secret)
        let swapped = try client.get("/books/\(book)/epub")
        #expect(swapped.status == 404)
        #expect(!swapped.text.contains("TOP-SECRET"))
    }

    @Test("at most http.max_connections at once; GET and HEAD only, no bodies, bounded targets and headers; idle connections closed")
    func limits() async throws {
        let daemon = try started(Self.listen + "  max_connections: 3\n  idle_timeout_seconds: 4\n")
        defer { daemon.stop(); daemon.tearDown() }
        let port = try await waitForLibrary(daemon)
        let client = RawHTTPClient(port: port)

        // Three idle connections take every slot: a fourth waits in the backlog until one of them closes.
        let held = try (0..<3).map { _ in try client.connect() }
        try await Task.sleep(for: .milliseconds(300))
        let waiting = try client.connect(timeout: 1.5)
        defer { close(waiting) }
        try client.send(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), on: waiting)
        #expect(throws: RawHTTPClient.Failure.self) { _ = try client.receiveAll(waiting) }
        close(held[0])
        var time = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(waiting, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        let answer = try RawHTTPClient.parse(try client.receiveAll(waiting))
        #expect(answer.status == 200 && answer.text == "running\n")
        for descriptor in held.dropFirst() { close(descriptor) }

        #expect(try client.get("/healthz", method: "POST").status == 405)
        #expect(try client.get("/opds", method: "DELETE").status == 405)
        #expect(try client.get("/healthz", extraHeaders: "Content-Length: 5\r\n", body: "hello").status == 413)
        let head = try client.get("/opds", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(try client.get("/" + String(repeating: "a", count: 4096)).status == 414)
        #expect(try client.get("/" + String(repeating: "a", count: 200_000)).status == 400)
        #expect(try client.get("/healthz", extraHeaders: "X-Big: \(String(repeating: "b", count: 20_000))\r\n").status == 400)
        // A connection the server half-closed after a malformed request (its unread rest still queued) and an idle one
        // are closed by the idle timeout, so neither holds a slot for long.
        let idle = try client.connect()
        defer { close(idle) }
        #expect(await eventually(timeout: 20) { tcpSockets(pid: daemon.pid).allSatisfy { $0.port != port || $0.state == "0A" } },
                "\(tcpSockets(pid: daemon.pid))")
        #expect(try client.get("/healthz").status == 200)
    }
}
