@testable import BinderyText
import BinderyModel
import Testing

@Suite("Heading patterns")
struct HeadingPatternTests {
    @Test(arguments: [
        ("CHAPTER 3: Reforms", "keyword"), ("Book I: Birth", "keyword"), ("CHAPTER IV.", "keyword"), ("Part Two", "keyword"),
        ("IV", "numbered"), ("Ill The State", "numbered"), ("1. Background to the insurrection", "numbered"),
        ("[2. The Main Questions]", "numbered"), ("THE KRONSTADT DEMANDS", "caps"), ("The Paris Commune", "plain"),
        ("Introduction", "matter"), ("Index", "matter"), ("Some concluding remarks:", "plain"),
    ])
    func recognises(text: String, family: String) throws {
        let pattern = try #require(HeadingPattern.match(text))
        switch family {
        case "keyword": if case .keyword = pattern.family {} else { Issue.record("\(text): \(pattern.family)") }
        case "numbered": if case .numbered = pattern.family {} else { Issue.record("\(text): \(pattern.family)") }
        case "caps": #expect(pattern.family == .allCaps)
        case "matter": #expect(pattern.isMatter)
        default: #expect(pattern.family == .plain)
        }
    }

    @Test(arguments: [
        "Lenin wrote:", "and so it went on", "133", "1927", "(Ibid.)", "—Aron Baron, 1925", "http://example.org/x",
        "TO ALL, TO ALL, TO ALL.", "“DIARY Moscow February 11, 37", "CHUEV: Didn’t they?", "I think so too.",
        "Signed: The Defence Committee.’", "Part II of the report was never published.", "Stalin, Molotov, Kaganovich, Voroshilov.",
    ])
    func rejects(text: String) {
        #expect(HeadingPattern.match(text) == nil, "\(text)")
    }

    @Test(arguments: [("LEON TROTSKY PROTESTS TOO MUCH. By Emma Goldman.", "Emma Goldman"), ("“Questions“ of Unity by Walter Ulbricht (Aug 26. 1939)", "Walter Ulbricht"),
                        ("Summary: The Law of Unity of Type Embraced by the Theory of Natural Selection", nil)])
    func splitsBylines(text: String, name: String?) {
        #expect(Byline.split(text)?.name == name)
    }

    @Test func fixesOCRInNames() {
        #expect(Byline.name("lain McKay") == "Iain McKay")
        #expect(Byline.name("The Kronstadt Mutiny Was Bad Today Yes") == nil)
    }
}
