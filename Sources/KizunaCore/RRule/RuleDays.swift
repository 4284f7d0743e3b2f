/// The day parts of a rule (BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY) for one
/// DTSTART: which days of a period the rule selects.
///
/// Once the period is fixed, RFC 5545's expand/limit table comes down to this: a day is
/// selected when it lies in the period and matches every day part given. A yearly period
/// is searched whole, so its parts expand; a month or a week is a narrower range, so the
/// parts that could only widen it (BYMONTH under MONTHLY, BYDAY under WEEKLY) limit instead.
/// The candidates come from the most selective part given (the listed month days, year
/// days, weeks or weekdays, computed from day numbers), never from walking the period day
/// by day, and the other parts filter them.
struct RuleDays {
    /// What a BYDAY ordinal counts in: the month (MONTHLY, or YEARLY with BYMONTH) or the year.
    private enum OrdinalScope { case month, year }

    private let months: Set<Int>
    private let monthDays: Set<Int>
    private let yearDays: Set<Int>
    private let weekNumbers: Set<Int>
    private let weekdays: Set<Weekday>
    private let ordinalWeekdays: [RecurrenceRule.WeekdaySpecifier]
    private let ordinalScope: OrdinalScope
    private let weekNumbering: RuleWeekNumbering
    private let skip: RecurrenceRule.Skip

    /// The rule's day parts, with what it leaves open taken from `start` as RFC 5545 and
    /// python-dateutil do: a yearly rule with no day part falls on DTSTART's month and day,
    /// a monthly one on DTSTART's day of the month, a weekly one on DTSTART's weekday.
    init(rule: RecurrenceRule, start: CivilDate) {
        let open = rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty
        let frequency = rule.frequency
        months = Set(open && frequency == .yearly && rule.byMonth.isEmpty ? [start.month] : rule.byMonth)
        monthDays = Set(open && frequency >= .monthly ? [start.day] : rule.byMonthDay)
        yearDays = Set(rule.byYearDay)
        weekNumbers = Set(rule.byWeekNumber)
        weekdays = open && frequency == .weekly ? [start.weekday] : Set(rule.byDay.filter { $0.ordinal == nil }.map(\.weekday))
        ordinalWeekdays = rule.byDay.filter { $0.ordinal != nil }
        ordinalScope = frequency == .yearly && rule.byMonth.isEmpty ? .year : .month
        weekNumbering = RuleWeekNumbering(weekStart: rule.weekStart)
        // Only expanding days of the month can produce days that a month lacks.
        skip = frequency >= .monthly ? rule.skip : .omit
    }

    /// The selected days of `period` (day numbers), ascending. With SKIP=BACKWARD or FORWARD,
    /// a day moved out of a month that lacks it may lie just outside the period.
    func days(in period: Range<Int>) -> [Int] {
        var selected: [Int] = []
        var monthStart = CivilDate(dayNumber: period.lowerBound).startOfMonth
        while monthStart.dayNumber < period.upperBound {
            let month = MonthSpan(start: monthStart, period: period)
            if months.isEmpty || months.contains(monthStart.month) {
                selected += candidates(in: month).filter { month.searched.contains($0) && matches($0) }
                selected += movedDays(in: month)
            }
            monthStart = monthStart.adding(months: 1)
        }
        return Set(selected).sorted()
    }

    /// One month, and the part of it that lies in the period being searched.
    private struct MonthSpan {
        let date: CivilDate
        let whole: Range<Int>
        let searched: Range<Int>

        init(start: CivilDate, period: Range<Int>) {
            date = start
            whole = start.dayNumber..<(start.endOfMonth.dayNumber + 1)
            searched = max(whole.lowerBound, period.lowerBound)..<min(whole.upperBound, period.upperBound)
        }
    }

    /// A superset of the month's selected days, from the most selective part given.
    private func candidates(in month: MonthSpan) -> [Int] {
        if !monthDays.isEmpty {
            return monthDays.compactMap { nthDay($0, of: month.whole) }
        }
        if !yearDays.isEmpty {
            let year = yearRange(of: month.date.year)
            return yearDays.compactMap { nthDay($0, of: year) }
        }
        if !ordinalWeekdays.isEmpty && weekdays.isEmpty {
            let scope = ordinalScope == .month ? month.whole : yearRange(of: month.date.year)
            return ordinalWeekdays.compactMap { nthWeekday($0, in: scope) }
        }
        if !weekNumbers.isEmpty {
            return weekNumbering.days(inWeeks: weekNumbers, within: month.searched)
        }
        let weekdays = weekdays.union(ordinalWeekdays.map(\.weekday))
        guard !weekdays.isEmpty else { return Array(month.searched) }
        let first = CivilDate(dayNumber: month.searched.lowerBound).weekday
        return weekdays.flatMap { stride(from: month.searched.lowerBound + first.days(until: $0), to: month.searched.upperBound, by: 7) }
    }

    /// Whether `day` matches every day part given.
    private func matches(_ day: Int) -> Bool {
        let date = CivilDate(dayNumber: day)
        let monthLength = CivilDate.daysIn(month: date.month, year: date.year)
        let yearLength = CivilDate.daysIn(year: date.year)
        if !months.isEmpty && !months.contains(date.month) { return false }
        if !monthDays.isEmpty && !monthDays.contains(date.day) && !monthDays.contains(date.day - monthLength - 1) { return false }
        if !yearDays.isEmpty && !yearDays.contains(date.dayOfYear) && !yearDays.contains(date.dayOfYear - yearLength - 1) { return false }
        if !weekNumbers.isEmpty && !weekNumbering.contains(day, inWeeks: weekNumbers) { return false }
        guard !weekdays.isEmpty || !ordinalWeekdays.isEmpty else { return true }
        let weekday = date.weekday
        if weekdays.contains(weekday) { return true }
        let (position, length) = ordinalScope == .month ? (date.day, monthLength) : (date.dayOfYear, yearLength)
        return ordinalWeekdays.contains { specifier in
            specifier.weekday == weekday && (specifier.ordinal == (position - 1) / 7 + 1 || specifier.ordinal == -((length - position) / 7 + 1))
        }
    }

    /// RFC 7529: the days that SKIP puts in place of month days that `month` lacks. Such a
    /// day is dropped when BYDAY, BYYEARDAY or BYWEEKNO is given: a date that does not exist
    /// has no weekday, day of the year or week, so it cannot match them.
    private func movedDays(in month: MonthSpan) -> [Int] {
        guard skip != .omit, yearDays.isEmpty, weekNumbers.isEmpty, weekdays.isEmpty, ordinalWeekdays.isEmpty else { return [] }
        let length = month.whole.count
        return monthDays.filter { abs($0) > length }.map { value in
            switch (skip, value > 0) {
            case (.backward, true): month.whole.upperBound - 1
            case (.backward, false): month.whole.lowerBound - 1
            case (_, true): month.whole.upperBound
            case (_, false): month.whole.lowerBound
            }
        }
    }

    private func yearRange(of year: Int) -> Range<Int> {
        let first = CivilDate(unchecked: year, 1, 1).dayNumber
        return first..<(first + CivilDate.daysIn(year: year))
    }

    /// BYMONTHDAY or BYYEARDAY: the `value`th day of `range` (negative from the end), if it has one.
    private func nthDay(_ value: Int, of range: Range<Int>) -> Int? {
        let day = value > 0 ? range.lowerBound + value - 1 : range.upperBound + value
        return range.contains(day) ? day : nil
    }

    /// `2TU`: the second Tuesday of `scope`; `-1FR`: the last Friday; `nil` when there is none.
    private func nthWeekday(_ specifier: RecurrenceRule.WeekdaySpecifier, in scope: Range<Int>) -> Int? {
        guard let ordinal = specifier.ordinal else { return nil }
        let day: Int
        if ordinal > 0 {
            let first = CivilDate(dayNumber: scope.lowerBound).weekday
            day = scope.lowerBound + first.days(until: specifier.weekday) + (ordinal - 1) * 7
        } else {
            let last = CivilDate(dayNumber: scope.upperBound - 1).weekday
            day = scope.upperBound - 1 - specifier.weekday.days(until: last) + (ordinal + 1) * 7
        }
        return scope.contains(day) ? day : nil
    }
}
