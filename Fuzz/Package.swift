// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets over Bindery's untrusted-input parsers, and the reader tests again under the
/// address sanitizer. Built apart from the main package (which it uses by path) so that the
/// sanitizer flags reach only these few modules: see `make fuzz` and `make test-asan`.
let package = Package(
    name: "BinderyFuzz",
    dependencies: [.package(name: "Bindery", path: "..")],
    targets: [
        .executableTarget(name: "FuzzTextReader", dependencies: [.product(name: "BinderyCore", package: "Bindery")]),
        .executableTarget(name: "FuzzControlCodec", dependencies: [.product(name: "BinderyCore", package: "Bindery")]),
        // The main package's reader tests, through the symbolic link ReaderTests -> ../Tests/BinderyTextTests
        // (at this depth their `#filePath` still finds ../shared), for the ASan run.
        .testTarget(name: "BinderyTextTests", dependencies: [.product(name: "BinderyCore", package: "Bindery"),
                                                         .product(name: "BinderyTestSupport", package: "Bindery")], path: "ReaderTests"),
    ],
    swiftLanguageModes: [.v6]
)
