import BinderyConversion
import BinderyModel
import Foundation

/// A sample book printed in some conventions and read back through the converter.
struct GeneratedBook {
    let conventions: PrintConventions
    let spec: BookSpec
    let printed: BookTypesetter.Printed

    init(_ conventions: PrintConventions, seed: UInt64 = 22) {
        self.conventions = conventions
        var sample = SampleBook(seed: seed)
        spec = sample.book(levels: conventions.headingLevels)
        printed = BookTypesetter(conventions: conventions).print(spec)
    }

    var source: Converter.Source {
        Converter.Source(bytes: printed.pdf, fileName: "generated.pdf", modified: Date(timeIntervalSince1970: 1_700_000_000))
    }

    func read() throws -> Document {
        try Converter().read(source)
    }
}
