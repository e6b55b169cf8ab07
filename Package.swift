// swift-tools-version:6.1
import PackageDescription

/// Bindery: plain text → EPUB 3.3, TEI P5 and BagIt, kept up to date by a daemon.
let package = Package(
    name: "Bindery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bindery", targets: ["bindery"]),
        // For Fuzz/ (libFuzzer targets and the reader tests under ASan): the modules that parse untrusted input.
        .library(name: "BinderyCore", targets: ["BinderyModel", "BinderyText", "BinderyProtocol"]),
        // The tests' shared helpers, for the reader tests the Fuzz package runs again under ASan.
        .library(name: "BinderyTestSupport", targets: ["BinderyTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // The read-only HTTP endpoint (#20); no traits: swift-configuration and full Foundation are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The cluster's queue and state on PostgreSQL (`queue.url`, DESIGN §9).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(name: "BinderyModel"),
        .target(name: "BinderyText", dependencies: ["BinderyModel"]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // PDF → the reader's evidence (text runs with font, size, position, page), over poppler.
        .target(name: "BinderyPDF", dependencies: ["CPoppler"]),
        .target(name: "BinderyXML", dependencies: ["CLibXML2"]),
        .target(name: "BinderyArchive", dependencies: ["CLibZip", "CLibDeflate"]),
        .target(
            name: "BinderyTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: [.copy("epub")]
        ),
        .target(
            name: "BinderyWriters",
            dependencies: [
                "BinderyModel", "BinderyXML", "BinderyArchive", "BinderyTemplates",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "BinderyProtocol"),
        // Source → outputs, shared by `bindery convert` and the daemon: no daemon, SQLite or logging here.
        .target(
            name: "BinderyConversion",
            dependencies: [
                "BinderyModel", "BinderyText", "BinderyWriters", "BinderyPDF",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "BinderyService",
            dependencies: [
                "BinderyModel", "BinderyText", "BinderyWriters", "BinderyProtocol", "BinderyConversion", "BinderyXML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "bindery",
            dependencies: [
                "BinderyConversion", "BinderyService", "BinderyWriters", "BinderyModel", "BinderyText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BinderyTestSupport", dependencies: ["BinderyModel"], path: "Tests/BinderyTestSupport"),
        // cairo, for the tests that draw their own PDFs (test-only).
        .systemLibrary(name: "CCairo", path: "Tests/CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .testTarget(name: "BinderyModelTests", dependencies: ["BinderyModel"]),
        .testTarget(name: "BinderyTextTests", dependencies: ["BinderyText", "BinderyTestSupport"]),
        .testTarget(name: "BinderyXMLTests", dependencies: ["BinderyXML"]),
        .testTarget(name: "BinderyArchiveTests", dependencies: ["BinderyArchive", "BinderyTestSupport"]),
        .testTarget(name: "BinderyProtocolTests", dependencies: ["BinderyProtocol", "BinderyTestSupport"]),
        .testTarget(
            name: "BinderyWritersTests",
            dependencies: ["BinderyWriters", "BinderyText", "BinderyArchive", "BinderyXML", "BinderyTestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "BinderyConversionTests",
            dependencies: ["BinderyConversion", "BinderyArchive", "BinderyTestSupport", "BinderyText", "BinderyWriters", "BinderyModel"]
        ),
        .testTarget(
            name: "BinderyPDFTests",
            dependencies: ["CCairo", "BinderyArchive", "BinderyConversion", "BinderyModel", "BinderyTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BinderyServiceTests",
            dependencies: ["BinderyService", "BinderyConversion", "BinderyArchive", "BinderyTestSupport", "BinderyText", "BinderyWriters", "BinderyModel", "BinderyProtocol"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
