import Foundation
import Hummingbird

/// The endpoint's routes, all GET (HEAD too) and read-only: `/`, `/healthz`, `/metrics`, `/opds` and
/// `/books/ID/KIND`. Every other path, method or malformed request is 404, 405 or 400.
struct HTTPRoutes: Sendable {
    let runtime: DaemonRuntime
    let phase: DaemonPhase

    private var store: any StateRecords { runtime.store }

    func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestLimits())
        router.get("/") { _, _ in try await index() }
        router.get("/healthz") { _, _ in healthz() }
        router.get("/metrics") { _, _ in metrics() }
        router.get("/opds") { request, _ in try await opds(page: request.uri.queryParameters.get("page")) }
        router.get("/books/:id/:kind") { _, context in
            try await download(id: context.parameters.get("id") ?? "", kind: context.parameters.get("kind") ?? "")
        }
        return router
    }

    private func index() async throws -> Response {
        let (runtime, phase) = (self.runtime, self.phase)
        let page = try await blocking { () -> Result<[UInt8], any Error> in
            Result { try IndexPage(entries: LibraryEntry.all(in: runtime.store), phase: phase.state.rawValue).render() }
        }.get()
        return Self.response(page, type: "text/html; charset=utf-8")
    }

    /// 200 while the daemon runs, 503 once it drains (a load balancer stops sending).
    private func healthz() -> Response {
        let state = phase.state
        return Self.response(Array("\(state.rawValue)\n".utf8), type: "text/plain; charset=utf-8", status: state == .running ? .ok : .serviceUnavailable)
    }

    private func metrics() -> Response {
        Self.response(runtime.metrics.exposition(queue: runtime.queue.counts), type: "text/plain; version=0.0.4; charset=utf-8")
    }

    private func opds(page text: String?) async throws -> Response {
        // No `page`: the first; a `page` that is not a whole number from 1: 400.
        let page: Int? = if let text { Int(text) } else { 1 }
        guard let page, page >= 1 else { throw HTTPError(.badRequest, message: "page must be a whole number from 1") }
        let (runtime, pageSize) = (self.runtime, runtime.http.pageSize)
        let feed = try await blocking { () -> Result<OPDSFeed, ServiceError> in
            Result { () throws(ServiceError) in OPDSFeed(entries: try LibraryEntry.all(in: runtime.store), pageSize: pageSize) }
        }.get()
        guard page <= feed.pageCount else { throw HTTPError(.notFound, message: "the catalog has \(feed.pageCount) page(s)") }
        return Self.response(try feed.render(page: page), type: OPDSFeed.mediaType)
    }

    private func download(id: String, kind: String) async throws -> Response {
        let resolver = DownloadResolver(store: store, out: runtime.publisher.root)
        guard let file = await blocking({ resolver.file(id: id, kind: kind) }) else { throw HTTPError(.notFound) }
        var headers: HTTPFields = [.contentType: file.kind.mediaType, .contentLength: "\(file.size)"]
        headers[.contentDisposition] = file.kind.disposition(file.name)
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: Self.body(of: file))
    }

    /// The file's bytes, read in chunks off the cooperative pool from the descriptor the resolver opened,
    /// so the body is the file whose size is the Content-Length even if the book is republished meanwhile.
    private static func body(of file: DownloadResolver.File, chunkLength: Int = 128 * 1024) -> ResponseBody {
        ResponseBody(contentLength: file.size) { writer in
            var offset = 0
            while offset < file.size {
                let count = min(chunkLength, file.size - offset), start = offset
                guard let chunk = await blocking({ file.read(at: start, count: count) }), chunk.count == count else {
                    throw HTTPError(.internalServerError, message: "the file could not be read whole")
                }
                try await writer.write(ByteBuffer(bytes: chunk))
                offset += count
            }
            try await writer.finish(nil)
        }
    }

    private static func response(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .xContentTypeOptions: "nosniff"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
