import Foundation
import GRDB
import KizunaCore

extension Store {
    /// An iCalendar file of the pending tasks (open or snoozed, overdue ones included) of
    /// `owner`, or of everyone, that start before the end of the `days`th day after today in
    /// `zone`; one event per task, by start (see docs/calendar.md).
    public func calendar(owner: String?, days: Int, now: Instant, zone: Zone) throws(StoreError) -> String {
        let entries = try calendarEntries(owner: owner, until: Self.calendarWindowEnd(days: days, now: now, zone: zone))
        return ICalendarWriter.calendar(name: Self.calendarName(owner), events: entries.map(\.event))
    }

    /// Keeps one calendar per owner in `directory` (created when missing): `<owner>.ics` with the
    /// owner's pending tasks of the coming `days` days, as `calendar(owner:days:now:zone:)` makes it.
    /// Each file is replaced atomically (written beside it, then renamed), and only when its text
    /// changed; an `.ics` file of an owner who has no such task any more becomes an empty calendar,
    /// so that subscribers see the events go. The daemon calls it after each planning pass.
    ///
    /// - Returns: the files written.
    /// - Throws: a `StoreError`, or a `CalendarExportError` naming the file that cannot be written.
    @discardableResult
    public func writeOwnerCalendars(to directory: String, days: Int, now: Instant, zone: Zone) throws -> [String] {
        let entries = try calendarEntries(owner: nil, until: Self.calendarWindowEnd(days: days, now: now, zone: zone))
        // By file name: the owner the calendar is named after, and its events.
        var calendars: [String: (owner: String, events: [CalendarEvent])] = [:]
        for entry in entries {
            calendars[Self.calendarFileName(entry.owner), default: (entry.owner, [])].events.append(entry.event)
        }
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CalendarExportError(path: directory, reason: error.localizedDescription)
        }
        for stale in (try? files.contentsOfDirectory(atPath: directory)) ?? [] where stale.hasSuffix(".ics") && calendars[stale] == nil {
            calendars[stale] = (String(stale.dropLast(4)), [])
        }
        var written: [String] = []
        for (fileName, calendar) in calendars.sorted(by: { $0.key < $1.key }) {
            let path = (directory as NSString).appendingPathComponent(fileName)
            let text = ICalendarWriter.calendar(name: Self.calendarName(calendar.owner), events: calendar.events)
            if (try? String(contentsOfFile: path, encoding: .utf8)) == text { continue }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CalendarExportError(path: path, reason: error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }

    /// `alice.ics`: the owner's name with what a file name cannot hold replaced by `_`.
    public static func calendarFileName(_ owner: String) -> String {
        let safe = String(owner.map { $0.isLetter || $0.isNumber || "@-_".contains($0) ? $0 : "_" })
        return (safe.isEmpty ? "_" : safe) + ".ics"
    }

    private static func calendarName(_ owner: String?) -> String {
        owner.map { "Kizuna: \($0)" } ?? "Kizuna"
    }

    /// Midnight after the `days`th day after today, in `zone`.
    private static func calendarWindowEnd(days: Int, now: Instant, zone: Zone) -> Instant {
        zone.instant(for: LocalDateTime(date: zone.localDateTime(at: now).date.adding(days: days + 1)))
    }

    /// The pending tasks starting before `until`, with their owners and events, read in one snapshot.
    private func calendarEntries(owner: String?, until: Instant) throws(StoreError) -> [(owner: String, event: CalendarEvent)] {
        try read { db in
            let arguments: StatementArguments = [0, until.secondsSinceEpoch]
            let tasks = try TaskRow.fetchAll(
                db, sql: Self.upcomingSQL(ownerFilter: owner != nil), arguments: owner.map { [$0] + arguments } ?? arguments
            ).storedTasks
            let ids = JSONColumn.encode(tasks.map(\.id.hex))
            var changes: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT task, count(*) AS changes FROM task_events WHERE task IN (SELECT value FROM json_each(?)) GROUP BY task",
                arguments: [ids])
            {
                changes[row["task"]] = row["changes"]
            }
            var names: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [JSONColumn.encode(Array(Set(tasks.map(\.customer))))])
            {
                names[row["id"]] = row["name"]
            }
            return tasks.map { task in
                (task.owner, task.calendarEvent(customerName: names[task.customer], sequence: changes[task.id.hex] ?? 0))
            }
        }
    }
}

/// A calendar file or folder that cannot be written.
public struct CalendarExportError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write the calendar `\(path)`: \(reason)" }
}
