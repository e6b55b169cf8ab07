import GRDB

/// The figures `metrics` reports about every job ever recorded, counted by the database rather than by
/// reading job rows: counters that only grow (the newest 100,000 rows stopped growing and could shrink).
package struct JobStatistics: Sendable, Equatable {
    /// Jobs by outcome (`published`, `failed`, …).
    package var outcomes: [String: Int]
    /// Published jobs whose time from start to publication is at most each bucket's bound, cumulative.
    package var durationBuckets: [Int]
    package var durationCount: Int
    package var durationSum: Double

    /// Counts the `jobs` table in two queries; `buckets` are the histogram's upper bounds in seconds.
    static func count(in db: Database, buckets: [Double]) throws -> JobStatistics {
        var outcomes: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) AS n FROM jobs GROUP BY outcome") {
            outcomes[row["outcome"]] = row["n"]
        }
        let duration = "MAX(0, finishedAt - startedAt)"
        let columns = buckets.indices.map { "SUM(CASE WHEN \(duration) <= ? THEN 1 ELSE 0 END) AS b\($0)" }
        let sql = "SELECT COUNT(*) AS n, COALESCE(SUM(\(duration)), 0) AS total" + columns.map { ", " + $0 }.joined()
            + " FROM jobs WHERE outcome = ?"
        let values: [(any DatabaseValueConvertible)?] = buckets.map { $0 } + [JobRecord.Outcome.published.rawValue]
        let arguments = StatementArguments(values)
        let row = try Row.fetchOne(db, sql: sql, arguments: arguments)
        return JobStatistics(outcomes: outcomes, durationBuckets: buckets.indices.map { (row?["b\($0)"] as Int?) ?? 0 },
                             durationCount: row?["n"] ?? 0, durationSum: row?["total"] ?? 0)
    }
}
