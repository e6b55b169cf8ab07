import BinderyConversion
import BinderyModel
import Foundation

/// A sample book printed in some conventions and read back through the converter.
struct GeneratedBook: Sendable {
    let conventions: PrintConventions
    let spec: BookSpec
    let printed: BookTypesetter.Printed

    init(_ conventions: PrintConventions, seed: UInt64 = 22) {
        self.conventions = conventions
        var sample = SampleBook(seed: seed)
        spec = sample.book(levels: conventions.headingLevels)
        printed = BookTypesetter(conventions: conventions).print(spec)
        // `BINDERY_PDF_TESTS_OUT=DIR` keeps each generated PDF, to read with `bindery convert`/`proof` by hand.
        if let directory = ProcessInfo.processInfo.environment["BINDERY_PDF_TESTS_OUT"] {
            let name = conventions.testDescription.map { $0.isLetter || $0.isNumber ? $0 : "-" }
            try? Data(printed.pdf).write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(name) + ".pdf"))
        }
    }

    var source: Converter.Source {
        Converter.Source(bytes: printed.pdf, fileName: "generated.pdf", modified: Date(timeIntervalSince1970: 1_700_000_000))
    }

    func read() throws -> Document {
        try Converter().read(source)
    }

    /// The book of `conventions` and the document read from it, made once per conventions for all the tests.
    static func read(_ conventions: PrintConventions) throws -> (book: GeneratedBook, document: Document) {
        let made = Cache.shared.entry(conventions.testDescription) {
            let book = GeneratedBook(conventions)
            return (book, Result { try book.read() })
        }
        return (made.book, try made.document.get())
    }

    /// Books already made and read, by their conventions' description.
    private final class Cache: @unchecked Sendable {
        static let shared = Cache()
        private let lock = NSLock()
        private var entries: [String: (book: GeneratedBook, document: Result<Document, any Error>)] = [:]

        func entry(_ key: String, make: () -> (book: GeneratedBook, document: Result<Document, any Error>)) -> (book: GeneratedBook, document: Result<Document, any Error>) {
            if let entry = lock.withLock({ entries[key] }) { return entry }
            let entry = make()
            lock.withLock { entries[key] = entry }
            return entry
        }
    }
}
