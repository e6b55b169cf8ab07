/// Why a job was queued; also its priority (a request before a file event before the start-up backlog).
package enum JobTrigger: String, Sendable, Codable, Comparable {
    case startup, event, request

    package var priority: Int {
        switch self {
        case .startup: 0
        case .event: 1
        case .request: 2
        }
    }

    package static func < (lhs: JobTrigger, rhs: JobTrigger) -> Bool { lhs.priority < rhs.priority }
}
