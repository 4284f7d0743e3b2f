import Foundation

/// Reads the `calendar` section of `kizuna.yaml`: the work week, holidays, and holiday
/// files (iCalendar) relative to the configuration's folder.
struct CalendarReader {
    static let keys = ["work_week", "holidays", "holiday_files"]

    let yaml: YAMLReader
    let folder: String

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ node: YAMLNode) -> BusinessCalendar? {
        guard let map = yaml.mapping(node, expected: "a calendar (a mapping with `work_week`, `holidays`)", context: "the calendar",
                                     allowed: Self.keys)
        else { return nil }
        let reported = diagnostics.count
        let workWeek = map["work_week"].flatMap { self.workWeek($0) }
        var holidays: [CivilDate: String] = [:]
        for file in map["holiday_files"].flatMap({ yaml.scalars($0, expected: "a list of iCalendar files", item: "a file name") }) ?? [] {
            holidays.merge(readHolidayFile(file)) { explicit, _ in explicit }
        }
        for entry in map["holidays"].flatMap({ yaml.list($0, expected: "a list of holidays", single: false) }) ?? [] {
            if let (date, name) = holiday(entry) { holidays[date] = name }
        }
        guard diagnostics.count == reported else { return nil }
        return BusinessCalendar(workWeek: workWeek ?? BusinessCalendar.mondayToFriday, holidays: holidays)
    }

    private func workWeek(_ node: YAMLNode) -> Set<Weekday>? {
        guard let scalars = yaml.scalars(node, expected: "a list of weekdays", item: "a weekday") else { return nil }
        let days = scalars.compactMap { scalar in
            let day = Weekday(name: scalar.text)
            if day == nil {
                diagnostics.report("expected a weekday, found `\(scalar.text)`", at: scalar.location,
                                   hint: didYouMean(scalar.text, among: Weekday.allCases.map(\.name)))
            }
            return day
        }
        if scalars.isEmpty {
            diagnostics.report("a work week needs at least one working day", at: node.location)
        }
        return Set(days)
    }

    /// `2026-12-25`, or `{date: 2026-11-26, name: Thanksgiving}`.
    private func holiday(_ node: YAMLNode) -> (CivilDate, String)? {
        guard node.pairs != nil else {
            return civilDate(node).map { ($0, "Holiday") }
        }
        let map = yaml.mapping(node, expected: "a holiday", context: "a holiday", allowed: ["date", "name"])
        guard let map, let dateNode = map.required("date", "the holiday's date, such as `2026-12-25`", diagnostics: diagnostics) else {
            return nil
        }
        let name = map["name"].flatMap { yaml.scalar($0, expected: "the holiday's name") }?.text
        return civilDate(dateNode).map { ($0, name ?? "Holiday") }
    }

    private func civilDate(_ node: YAMLNode) -> CivilDate? {
        guard let scalar = yaml.scalar(node, expected: "a date such as `2026-12-25`") else { return nil }
        if let parsed = CivilDate(scalar.text) { return parsed }
        diagnostics.report("expected a date such as `2026-12-25`, found `\(scalar.text)`", at: scalar.location)
        return nil
    }

    private func readHolidayFile(_ file: YAMLScalar) -> [CivilDate: String] {
        let path = ConfigurationReader(yaml: yaml, folder: folder).resolve(file.text)
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try ICalendarHolidays.parse(text, file: path)
        } catch let list as DiagnosticList {
            diagnostics.report(contentsOf: list.diagnostics)
        } catch {
            diagnostics.report("cannot read the holiday file `\(file.text)`: \(error.localizedDescription)", at: file.location)
        }
        return [:]
    }
}
