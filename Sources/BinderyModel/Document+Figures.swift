extension Document {
    /// The images the document's figures show, in the order of their first figure; an image no figure shows is left out.
    public var shownImages: [DocumentImage] {
        var names: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .figure(let figure): if !names.contains(figure.image) { names.append(figure.image) }
                case .blockQuote(let inner, _): visit(inner)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
        let byName = Dictionary(images.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return names.compactMap { byName[$0] }
    }
}
