import BinderyWriters

/// The version `bindery --version` prints.
enum BinderyCLIVersion {
    static let current = BinderyVersion.current
}
