import Foundation

/// Command-line flags; each one set wins over the configuration file.
public struct ConfigurationOverrides: Sendable, Hashable {
    public var configFile: String?
    public var corpus: String?
    public var out: String?
    public var state: String?
    public var pollSeconds: Double?
    /// `queue.url`: the cluster's PostgreSQL database.
    public var queueURL: String?

    public init(
        configFile: String? = nil, corpus: String? = nil, out: String? = nil, state: String? = nil, pollSeconds: Double? = nil, queueURL: String? = nil
    ) {
        self.configFile = configFile
        self.corpus = corpus
        self.out = out
        self.state = state
        self.pollSeconds = pollSeconds
        self.queueURL = queueURL
    }
}
