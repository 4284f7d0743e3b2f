/// One period of a cadence's grid (a day, a Monday-based week, a calendar month,
/// quarter or year) as a run of day numbers, so that selecting days in it is arithmetic.
struct CalendarPeriod {
    /// The day number of the period's first day.
    var first: Int
    var length: Int
    /// The year and month (1-based) the period starts in.
    var year: Int
    var month: Int

    var last: Int { first + length - 1 }
}

extension Cadence.Frequency {
    /// The index of the period containing `date`: consecutive periods have consecutive
    /// indices, so "every N periods" is a stride and the first period at or after a date
    /// is found by division, never by walking. Business days index like days.
    func periodIndex(of date: CivilDate) -> Int {
        switch self {
        case .day, .businessDay: date.dayNumber
        case .week: floorDivision(date.dayNumber + 3, 7)  // 1969-12-29, day -3, was a Monday
        case .month: date.year * 12 + date.month - 1
        case .quarter: date.year * 4 + (date.month - 1) / 3
        case .year: date.year
        }
    }

    /// The period with this index.
    func period(at index: Int) -> CalendarPeriod {
        switch self {
        case .day, .businessDay:
            let date = CivilDate(dayNumber: index)
            return CalendarPeriod(first: index, length: 1, year: date.year, month: date.month)
        case .week:
            let first = index * 7 - 3
            let date = CivilDate(dayNumber: first)
            return CalendarPeriod(first: first, length: 7, year: date.year, month: date.month)
        case .month: return Self.months(startingAt: index, count: 1)
        case .quarter: return Self.months(startingAt: index * 3, count: 3)
        case .year: return Self.months(startingAt: index * 12, count: 12)
        }
    }

    /// The span of `count` months from the month with index `year * 12 + month - 1`.
    private static func months(startingAt monthIndex: Int, count: Int) -> CalendarPeriod {
        let year = floorDivision(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        var length = 0
        for index in monthIndex..<(monthIndex + count) {
            let indexYear = floorDivision(index, 12)
            length += CivilDate.daysIn(month: index - indexYear * 12 + 1, year: indexYear)
        }
        return CalendarPeriod(first: CivilDate(unchecked: year, month, 1).dayNumber, length: length, year: year, month: month)
    }
}

/// Division rounding toward negative infinity, for indices before 1970.
func floorDivision(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}

/// 0 for Monday through 6 for Sunday.
func weekdayIndex(ofDay dayNumber: Int) -> Int {
    let index = (dayNumber + 3) % 7
    return index < 0 ? index + 7 : index
}
