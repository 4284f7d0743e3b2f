import KizunaCore

/// A day's list: the pending tasks that start that day or started earlier, by owner, most
/// urgent first (what `kizuna today` prints and the morning digest sends).
public struct TodayList: Sendable {
    /// The day, in `zone`.
    public let date: CivilDate
    public let zone: Zone
    public let owners: [OwnerGroup]
}

extension Store {
    /// The list of the day `now` falls on in `zone`, of `owner` or of everyone.
    public func today(zone: Zone, now: Instant, owner: String? = nil) throws(StoreError) -> TodayList {
        let date = zone.localDateTime(at: now).date
        let startOfTomorrow = zone.instant(for: LocalDateTime(date: date.adding(days: 1)))
        let tasks = try upcoming(from: Instant(secondsSinceEpoch: .min), to: startOfTomorrow, owner: owner)
        let customers = try customers(ids: Set(tasks.map(\.customer)))
        return TodayList(date: date, zone: zone, owners: OwnerGroup.grouping(tasks, customers: customers, now: now))
    }
}
