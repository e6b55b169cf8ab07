import BinderyModel

/// What the reader did with Project Gutenberg's conventions: the licence taken out, illustrations, `_italics_`.
struct PGConventionReport: Sendable {
    var licence: GutenbergLicence?
    var illustrations: [(line: Int, caption: String)]
    var emphasised: Int

    var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        if let licence {
            let parts = [licence.header.map { "header (lines 1–\($0.upperBound))" }, licence.footer.map { "footer (lines \($0.lowerBound + 1)–\($0.upperBound))" }].compactMap { $0 }
            result.append(Diagnostic(.info, code: "gutenberg.licence", "Project Gutenberg licence \(parts.joined(separator: " and ")) taken out of the reading text",
                                     line: licence.header.map { _ in 1 } ?? licence.footer.map { $0.lowerBound + 1 }))
        }
        for (line, caption) in illustrations {
            result.append(Diagnostic(.info, code: "illustration", caption.isEmpty ? "illustration place-holder (no caption) taken out of the text" : "illustration: caption “\(caption)” kept as a caption paragraph", line: line))
        }
        return result
    }

    var editorial: [EditorialNote] {
        var result: [EditorialNote] = []
        if licence != nil { result.append(EditorialNote(.segmentation, "The Project Gutenberg licence header and footer were taken out of the text; the header's title, author, language and eBook number are the metadata.")) }
        if !illustrations.isEmpty { result.append(EditorialNote(.interpretation, "\(illustrations.count) [Illustration] place-holder(s) taken out of the paragraphs; captions kept as caption paragraphs.")) }
        if emphasised > 0 { result.append(EditorialNote(.normalization, "\(emphasised) passage(s) between underscores or asterisks (_…_, *…*) read as italics.")) }
        return result
    }
}
