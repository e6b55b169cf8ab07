/// Bindery's version, recorded in every output and in the daemon's job keys.
public enum BinderyVersion {
    public static let current = "0.1.0"
}
