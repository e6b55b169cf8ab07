/// Finds `w` that best satisfies linear constraints `a·w ≤ b`, minimising the summed violation `Σ max(0, a·w − b)` (an L1
/// hinge) by iteratively reweighted least squares: each step solves a weighted least-squares problem in which a violated
/// row weighs the inverse of its violation and a satisfied one almost nothing, then keeps the step only as far as the
/// summed violation falls. For a few dozen unknowns and a thousand or two sparse rows; the rows are kept flat.
struct HingeFit {
    let columns: Int
    private var starts: [Int] = [0]
    private var indices: [Int] = []
    private var values: [Double] = []
    private var targets: [Double] = []

    init(columns: Int) { self.columns = columns }

    /// Adds the constraint `sign · dense·w ≤ target` (`sign` 1 or −1).
    mutating func add(_ dense: [Double], sign: Double = 1, target: Double) {
        for (column, value) in dense.enumerated() where value != 0 {
            indices.append(column)
            values.append(sign * value)
        }
        starts.append(indices.count)
        targets.append(target)
    }

    static let ridge = 1e-6

    /// The fitted `w`; nil when a system cannot be solved.
    func solve(steps: Int = 15) -> [Double]? {
        let rowCount = targets.count
        var excess = [Double](repeating: 0, count: rowCount)
        func violation(_ w: [Double]) -> Double {
            residuals(w, into: &excess)
            return excess.reduce(0) { $0 + max(0, $1) }
        }
        // Start from least squares with every constraint met exactly.
        guard var w = weightedSolution([Double](repeating: 1, count: rowCount)) else { return nil }
        var current = violation(w)
        for _ in 0..<steps {
            residuals(w, into: &excess)
            let weights = excess.map { $0 > 0 ? 1 / max($0, 1e-3) : 1e-4 }
            // A step whose system cannot be solved ends the fit where it stands.
            guard let proposed = weightedSolution(weights) else { break }
            var step = 1.0, trial = w, value = current
            while step > 1e-3 {
                trial = zip(w, proposed).map { $0 + step * ($1 - $0) }
                value = violation(trial)
                if value <= current { break }
                step /= 2
            }
            guard value <= current else { break }
            let converged = current - value < 1e-6 * max(1, current)
            (w, current) = (trial, value)
            if converged { break }
        }
        return w.allSatisfy(\.isFinite) ? w : nil
    }

    /// `a·w − b` for each row.
    private func residuals(_ w: [Double], into excess: inout [Double]) {
        indices.withUnsafeBufferPointer { indices in
            values.withUnsafeBufferPointer { values in
                w.withUnsafeBufferPointer { w in
                    for row in targets.indices {
                        var sum = -targets[row]
                        for at in starts[row]..<starts[row + 1] { sum += values[at] * w[indices[at]] }
                        excess[row] = sum
                    }
                }
            }
        }
    }

    /// The `w` minimising `Σ weight · (a·w − b)² + ridge · |w|²`, by Cholesky factorisation.
    private func weightedSolution(_ weights: [Double]) -> [Double]? {
        let n = columns
        var matrix = [Double](repeating: 0, count: n * n), vector = [Double](repeating: 0, count: n)
        indices.withUnsafeBufferPointer { indices in
            values.withUnsafeBufferPointer { values in
                matrix.withUnsafeMutableBufferPointer { matrix in
                    for row in targets.indices {
                        let weight = weights[row], end = starts[row + 1]
                        // Columns rise along a row: only the upper triangle is summed.
                        for i in starts[row]..<end {
                            let ci = indices[i], wv = weight * values[i]
                            vector[ci] += wv * targets[row]
                            for j in i..<end { matrix[ci * n + indices[j]] += wv * values[j] }
                        }
                    }
                }
            }
        }
        for i in 0..<n {
            matrix[i * n + i] += Self.ridge
            for j in (i + 1)..<n { matrix[j * n + i] = matrix[i * n + j] }
        }
        return Self.choleskySolve(&matrix, vector, n: n)
    }

    private static func choleskySolve(_ a: inout [Double], _ b: [Double], n: Int) -> [Double]? {
        for j in 0..<n {
            var diagonal = a[j * n + j]
            for k in 0..<j { diagonal -= a[j * n + k] * a[j * n + k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            let root = diagonal.squareRoot()
            a[j * n + j] = root
            for i in (j + 1)..<n {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] }
                a[i * n + j] = sum / root
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= a[i * n + k] * y[k] }
            y[i] = sum / a[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= a[k * n + i] * x[k] }
            x[i] = sum / a[i * n + i]
        }
        return x
    }
}

