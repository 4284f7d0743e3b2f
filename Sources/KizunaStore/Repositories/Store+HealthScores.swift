import GRDB
import KizunaCore

extension Store {
    /// Stores each customer's score for its day (replacing one stored for that day) and makes
    /// it the customer's `health`, in one transaction. A score stored as it was is not written
    /// again: a restart on the day of the last pass rewrites no page of them.
    public func record(scores: [(customer: String, day: CivilDate, score: HealthScore)]) throws(StoreError) {
        // The measures' JSON is written on both cores before the transaction.
        let measures = scores.parallelMap { Self.json($0.score.measures) }
        try write { db in
            // A pass scores every customer: bound straight to SQLite.
            let upsert = try BoundInsert(
                """
                INSERT INTO health_scores (customer, day, score, band, measures) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer, day) DO UPDATE SET score = excluded.score, band = excluded.band, measures = excluded.measures
                WHERE score IS NOT excluded.score OR band IS NOT excluded.band OR measures IS NOT excluded.measures
                """, in: db)
            let health = try BoundInsert("UPDATE customers SET health = ? WHERE id = ? AND health IS NOT ?", in: db)
            for ((customer, day, score), measures) in zip(scores, measures) {
                let value = score.score.databaseValue
                try upsert.insert { row in
                    try row.bind(customer, at: 1)
                    try row.bind(day.description, at: 2)
                    try row.bind(value, at: 3)
                    try row.bind(score.band.rawValue, at: 4)
                    try row.bind(measures, at: 5)
                }
                try health.insert { row in
                    try row.bind(value, at: 1)
                    try row.bind(customer, at: 2)
                    try row.bind(value, at: 3)
                }
            }
        }
    }

    /// The latest stored score of every customer (or of one), with the score on the latest
    /// day at least `trend` before it, for `kizuna health`; only those in `band` when given.
    public func healthReport(customer: String? = nil, band: HealthBand? = nil, trend: CalendarSpan) throws(StoreError)
        -> [HealthReportRow]
    {
        try read { db in
            // The band is filtered before the rows' measures and trends are read.
            let filters = [customer.map { _ in "c.id = ?" }, band.map { _ in "h.band = ?" }].compactMap { $0 }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.name, c.csm, c.stage, h.day, h.score, h.band, h.measures
                    FROM customers c JOIN health_scores h ON h.customer = c.id
                        AND h.day = (SELECT max(day) FROM health_scores WHERE customer = c.id)
                    \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
                    """, arguments: StatementArguments([customer, band?.rawValue].compactMap { $0 }))
            let earlier = try db.cachedStatement(
                sql: "SELECT score FROM health_scores WHERE customer = ? AND day <= ? ORDER BY day DESC LIMIT 1")
            return try rows.compactMap { row -> HealthReportRow? in
                guard let day = CivilDate(row["day"] as String) else { return nil }
                let id: String = row["id"]
                let before = try Double?.fetchOne(earlier, arguments: [id, trend.windowStart(endingOn: day).description]) ?? nil
                let score = HealthScore(
                    score: row["score"], band: HealthBand(rawValue: row["band"]) ?? .unknown,
                    measures: JSONColumn.decode(row["measures"], as: [MeasureScore].self, fallback: []))
                return HealthReportRow(
                    customer: id, name: row["name"], csm: row["csm"], stage: row["stage"], day: day, health: score,
                    earlier: before)
            }
        }
    }

    /// A customer's stored scores from `since` on, ascending: the `health` series of conditions.
    func healthSeries(customer: String, since: CivilDate, in db: Database) throws -> [SignalPoint] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT day, score FROM health_scores WHERE customer = ? AND score IS NOT NULL AND day >= (
                        SELECT coalesce(max(day), ?) FROM health_scores WHERE customer = ? AND score IS NOT NULL AND day <= ?)
                    ORDER BY day
                    """),
            arguments: [customer, since.description, customer, since.description]
        ).compactMap { row in CivilDate(row["day"] as String).map { SignalPoint(date: $0, value: row["score"]) } }
    }

    /// The measures as a JSON array of `MeasureScore`, appended piece by piece: a pass writes
    /// one per customer.
    private static func json(_ measures: [MeasureScore]) -> String {
        var text = "["
        text.reserveCapacity(96 * measures.count)
        func append(_ value: Double?) { text += value?.description ?? "null" }
        for (index, measure) in measures.enumerated() {
            text += index == 0 ? "{\"name\":" : ",{\"name\":"
            text += JSONColumn.quoted(measure.name)
            text += ",\"value\":"
            append(measure.value)
            text += ",\"normalized\":"
            append(measure.normalized)
            text += ",\"share\":"
            append(measure.share)
            text += "}"
        }
        return text + "]"
    }
}

/// One line of `kizuna health`: a customer's latest score and the one a trend compares it with.
public struct HealthReportRow: Hashable, Sendable {
    public var customer: String
    public var name: String
    public var csm: String
    public var stage: String
    /// The day of the latest score.
    public var day: CivilDate
    public var health: HealthScore
    /// The score on the latest day at least the trend's span before `day`, when known.
    public var earlier: Double?

    /// The change over the trend's span, when both scores are known.
    public var trend: Double? {
        guard let now = health.score, let earlier else { return nil }
        return now - earlier
    }
}
