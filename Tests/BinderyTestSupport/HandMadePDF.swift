/// A PDF written by hand, object by object, for what a typesetter would never make: impossible sizes,
/// pages off any scale, empty pages. Each page gives its media box and its content stream (Helvetica as `/F1`).
public enum HandMadePDF {
    public struct Page {
        public var mediaBox: String
        public var content: String

        public init(mediaBox: String = "0 0 420 595", content: String) {
            self.mediaBox = mediaBox
            self.content = content
        }
    }

    /// One line of text at (`x`, `y`) from the page's bottom left, in `/F1` at `size` (`text` holds no parenthesis
    /// or backslash: it goes into a PDF string as it is).
    public static func line(_ text: String, x: Double, y: Double, size: String) -> String {
        "BT /F1 \(size) Tf \(x) \(y) Td (\(text)) Tj ET\n"
    }

    public static func pdf(_ pages: [Page]) -> [UInt8] {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
        var kids: [String] = []
        for page in pages {
            let pageNumber = objects.count + 1
            kids.append("\(pageNumber) 0 R")
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [\(page.mediaBox)] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageNumber + 1) 0 R >>")
            objects.append("<< /Length \(page.content.utf8.count) >>\nstream\n\(page.content)\nendstream")
        }
        objects[1] = "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>"
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
