import BinderyConversion
import BinderyTestSupport
import Testing

/// A conversion's outputs checked by the real validators (`Validators.problems`), the bag too when `bag` is set.
func validateOutputs(_ result: Converter.Result, bag: Bool = false) throws {
    let problems = try Validators.problems(result.outputs.map { ($0.format.fileSuffix, $0.bytes) }, stem: "small", bag: bag)
    #expect(problems.isEmpty, "\(problems)")
}
