/// One event of an exported calendar (an RFC 5545 VEVENT), in UTC.
public struct CalendarEvent: Sendable, Equatable {
    /// Globally unique and stable across exports (`<task id>@kizuna`), so a re-import updates the event.
    public var uid: String
    /// Grows each time the event changes, so calendars take the newer version.
    public var sequence: Int
    /// When the event's information was last revised (DTSTAMP and LAST-MODIFIED).
    public var lastModified: Instant
    public var start: Instant
    public var end: Instant
    public var summary: String
    public var description: String
    public var categories: [String]
    /// RFC 5545's 1 (highest) to 9 (lowest).
    public var priority: Int

    public init(
        uid: String, sequence: Int, lastModified: Instant, start: Instant, end: Instant, summary: String, description: String,
        categories: [String], priority: Int
    ) {
        self.uid = uid
        self.sequence = sequence
        self.lastModified = lastModified
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.categories = categories
        self.priority = priority
    }
}
