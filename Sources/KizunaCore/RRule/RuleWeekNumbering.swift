/// The week numbers of BYWEEKNO: ISO 8601 weeks, except that they start on the rule's WKST.
///
/// Week 1 of a year is the first week with at least four of its days in that year, that is,
/// the week that holds January 4th. A day early in January can belong to the last week of
/// the year before, and one late in December to week 1 of the year after.
struct RuleWeekNumbering: Hashable {
    let weekStart: Weekday

    /// The day number on which week 1 of `year` begins.
    func firstDayOfWeekOne(in year: Int) -> Int {
        let january4 = CivilDate(unchecked: year, 1, 4)
        return january4.dayNumber - weekStart.days(until: january4.weekday)
    }

    /// 52 or 53.
    func weekCount(in year: Int) -> Int {
        (firstDayOfWeekOne(in: year + 1) - firstDayOfWeekOne(in: year)) / 7
    }

    /// Whether `day` lies in one of `weeks` (1 through 53, or -1 for the last week of its year).
    func contains(_ day: Int, inWeeks weeks: Set<Int>) -> Bool {
        var year = CivilDate(dayNumber: day).year
        if day < firstDayOfWeekOne(in: year) {
            year -= 1
        } else if day >= firstDayOfWeekOne(in: year + 1) {
            year += 1
        }
        let number = (day - firstDayOfWeekOne(in: year)) / 7 + 1
        return weeks.contains(number) || weeks.contains(number - weekCount(in: year) - 1)
    }

    /// The days of `weeks` of the week-numbering years that can reach into `range`, ascending per week.
    func days(inWeeks weeks: Set<Int>, within range: Range<Int>) -> [Int] {
        let firstYear = CivilDate(dayNumber: range.lowerBound).year - 1
        let lastYear = CivilDate(dayNumber: range.upperBound - 1).year + 1
        var days: [Int] = []
        for year in firstYear...lastYear {
            let count = weekCount(in: year)
            for week in weeks {
                let number = week > 0 ? week : count + 1 + week
                guard (1...count).contains(number) else { continue }
                let start = firstDayOfWeekOne(in: year) + (number - 1) * 7
                let (first, end) = (max(start, range.lowerBound), min(start + 7, range.upperBound))
                if first < end { days += first..<end }
            }
        }
        return days
    }
}
