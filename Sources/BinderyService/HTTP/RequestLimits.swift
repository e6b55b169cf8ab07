import Hummingbird

/// Bounds what a request may be: GET and HEAD only (405), no body (413), a target of at most 2 KiB (414).
/// Header sizes are bounded before this by the HTTP decoder (`HTTPService`).
struct RequestLimits: RouterMiddleware {
    typealias Context = BasicRequestContext
    static let maxTargetBytes = 2048

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { throw HTTPError(.methodNotAllowed, headers: [.allow: "GET, HEAD"]) }
        if request.headers[.transferEncoding] != nil || (request.headers[.contentLength].flatMap { Int($0) } ?? 0) > 0 {
            throw HTTPError(.contentTooLarge, headers: [.connection: "close"], message: "requests take no body")
        }
        guard (request.head.path?.utf8.count ?? 0) <= Self.maxTargetBytes else { throw HTTPError(.uriTooLong) }
        return try await next(request, context)
    }
}
