extension Array where Element == Int {
    /// `sorted()` of line lengths and widths: by counting, in one pass, when every value lies in 0..<4096.
    func sortedLengths() -> [Int] {
        guard let largest = self.max(), largest < 4096, let smallest = self.min(), smallest >= 0 else { return sorted() }
        var counts = [Int](repeating: 0, count: largest + 1)
        for value in self { counts[value] += 1 }
        var result: [Int] = []
        result.reserveCapacity(count)
        for (value, times) in counts.enumerated() where times > 0 { result.append(contentsOf: repeatElement(value, count: times)) }
        return result
    }
}
