/// A day selector compiled for fast selection inside a `CalendarPeriod`: weekdays as
/// indices, and a day of a named month relative to the period's first month, which
/// covers "march 15" in a year and a quarterly cadence's default day.
enum GridDay: Sendable {
    /// Every such weekday of the period (0 is Monday).
    case weekday(Int)
    /// The nth such weekday; negative counts from the end.
    case nthWeekday(Int, weekday: Int)
    /// The nth day, clamped to the period's last day; negative counts from the end.
    case day(Int)
    /// The nth business day; negative counts from the end.
    case businessDay(Int)
    /// A day of the month `monthOffset` months after the period's first, clamped to that month's end.
    case monthDay(monthOffset: Int, day: Int)

    init(_ selector: DaySelector) {
        switch selector {
        case .weekday(let weekday): self = .weekday(weekday.rawValue - 1)
        case .nthWeekday(let n, let weekday): self = .nthWeekday(n, weekday: weekday.rawValue - 1)
        case .day(let n): self = .day(n)
        case .businessDay(let n): self = .businessDay(n)
        case .monthDay(let month, let day): self = .monthDay(monthOffset: month - 1, day: day)
        }
    }

    /// The day a cadence with no `on` repeats on: the grid start's weekday, day of the
    /// month, day of the same month of the quarter, or date of the year.
    static func defaults(for frequency: Cadence.Frequency, start: CivilDate) -> GridDay {
        switch frequency {
        case .day, .businessDay: .day(1)
        case .week: .weekday(start.weekday.rawValue - 1)
        case .month: .day(start.day)
        case .quarter: .monthDay(monthOffset: (start.month - 1) % 3, day: start.day)
        case .year: .monthDay(monthOffset: start.month - 1, day: start.day)
        }
    }

    /// Appends the day numbers this selector picks in `period`, ascending.
    func select(in period: CalendarPeriod, calendar: BusinessCalendar, into days: inout DayBuffer) {
        switch self {
        case .weekday(let weekday):
            var day = period.first + (weekday - weekdayIndex(ofDay: period.first) + 7) % 7
            while day <= period.last {
                days.append(day)
                day += 7
            }
        case .nthWeekday(let n, let weekday) where n > 0:
            let day = period.first + (weekday - weekdayIndex(ofDay: period.first) + 7) % 7 + 7 * (n - 1)
            if day <= period.last { days.append(day) }
        case .nthWeekday(let n, let weekday):
            let day = period.last - (weekdayIndex(ofDay: period.last) - weekday + 7) % 7 - 7 * (-n - 1)
            if day >= period.first { days.append(day) }
        case .day(let n):
            days.append(n > 0 ? period.first + min(n, period.length) - 1 : period.last - min(-n, period.length) + 1)
        case .businessDay(let n):
            let first = CivilDate(dayNumber: period.first)
            let last = CivilDate(dayNumber: period.last)
            if let day = calendar.businessDay(n, from: first, through: last) { days.append(day.dayNumber) }
        case .monthDay(let offset, let day):
            let month = CivilDate(unchecked: period.year, period.month, 1).adding(months: offset)
            days.append(month.dayNumber + min(day, CivilDate.daysIn(month: month.month, year: month.year)) - 1)
        }
    }
}
