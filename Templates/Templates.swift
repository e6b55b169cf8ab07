import Foundation

/// The default templates shipped with Bindery (`Templates/` in the source tree), found at run time.
public enum BundledTemplates {
    /// The folder that holds `epub/`, `tei/` and `text/`.
    public static var directory: URL? { Bundle.module.resourceURL }
}
