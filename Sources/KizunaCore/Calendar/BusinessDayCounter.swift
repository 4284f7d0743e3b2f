/// Counts business days by arithmetic (whole weeks, then the holidays in range), so that
/// a business-day cadence can jump to a date years from its start without walking.
struct BusinessDayCounter: Sendable {
    private let calendar: BusinessCalendar
    /// Holidays that fall on working weekdays, as sorted day numbers.
    private let holidays: [Int]

    init(_ calendar: BusinessCalendar) {
        self.calendar = calendar
        holidays = calendar.holidays.keys.filter { calendar.workWeek.contains($0.weekday) }.map(\.dayNumber).sorted()
    }

    /// The number of business days in `[from, to)` (day numbers).
    func count(from: Int, to: Int) -> Int {
        guard to > from else { return 0 }
        let weeks = (to - from) / 7
        var count = weeks * calendar.workWeek.count
        for day in (from + weeks * 7)..<to where calendar.workWeek.contains(CivilDate(dayNumber: day).weekday) {
            count += 1
        }
        return count - (holidayIndex(atOrAfter: to) - holidayIndex(atOrAfter: from))
    }

    /// The business day with `index` business days before it in `[from, day)`: index 0 is
    /// the first business day on or after `from`.
    func businessDay(index: Int, from: Int) -> Int {
        var day = from
        var counted = 0
        let perWeek = calendar.workWeek.count
        // Whole weeks never overshoot: a week holds at most `perWeek` business days.
        while index - counted >= 2 * perWeek {
            let next = day + ((index - counted) / perWeek - 1) * 7
            counted += count(from: day, to: next)
            day = next
        }
        while true {
            if calendar.isBusinessDay(CivilDate(dayNumber: day)) {
                if counted == index { return day }
                counted += 1
            }
            day += 1
        }
    }

    /// The number of holidays before `day`.
    private func holidayIndex(atOrAfter day: Int) -> Int {
        var low = 0
        var high = holidays.count
        while low < high {
            let mid = (low + high) / 2
            if holidays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
