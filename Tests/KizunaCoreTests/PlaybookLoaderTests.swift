import Foundation
import Testing

@testable import KizunaCore

@Suite struct PlaybookLoaderTests {
    @Test func weeklyOnboardingPlayReadsIntoTheModel() throws {
        let text = """
            kizuna: 1
            playbook: onboarding-weekly
            title: Weekly onboarding follow-up
            description: Keeps new customers moving.
            applies:
              stage: onboarding
              segment: 'tier == "enterprise"'
            cadence:
              every: 2 weeks
              on: tuesday
              at: "10:00"
              from: stage entered + 2 business days
              count: 6
              holidays: next
              recur: after completion
            timezone: Europe/London
            catch_up: all
            task:
              title: "Onboarding follow-up: {{ customer.name }}"
              priority: high
              due: within 1 business day
              checklist:
                - Review setup progress against the success plan
                - Agree the outcome {{ customer.name }} expects
            remind:
              - 1 hour before
              - when due
              - overdue by 1 business day: escalate to "{{ customer.team_lead }}" via chat
            """
        let playbook = try PlaybookLoader.load(file: "onboarding.yaml", text: text)
        #expect(playbook.id == "onboarding-weekly")
        #expect(playbook.title == "Weekly onboarding follow-up")
        #expect(playbook.description == "Keeps new customers moving.")
        #expect(playbook.file == "onboarding.yaml")
        #expect(playbook.applies.stages == ["onboarding"])
        #expect(playbook.applies.segment?.source == "tier == \"enterprise\"")
        let cadence = Cadence(
            interval: 2, frequency: .week, days: [.weekday(.tuesday)], times: [LocalTime(hour: 10, minute: 0)!],
            holidays: .next, start: Anchor(.stageEntered, offsets: [CalendarSpan(2, .businessDay)]), end: .count(6),
            recurrence: .afterCompletion)
        #expect(playbook.trigger == .schedule(.cadence(cadence)))
        #expect(playbook.zone == .named(Zone.named("Europe/London")!))
        #expect(playbook.catchUp == .all)
        #expect(playbook.steps.count == 1)
        let step = try #require(playbook.steps.first)
        #expect(step.id == "task")
        #expect(step.title.parts == [.text("Onboarding follow-up: "), .variable("customer.name")])
        #expect(step.owner == PlaybookReader.defaultOwner)
        #expect(step.priority == .high)
        #expect(step.start == .occurrence(nil))
        #expect(step.window == CalendarSpan(1, .businessDay))
        #expect(step.checklist.count == 2)
        #expect(
            playbook.reminders == [
                ReminderRule(timing: .beforeStart(CalendarSpan(1, .hour))),
                ReminderRule(timing: .atDue),
                ReminderRule(
                    timing: .overdue(CalendarSpan(1, .businessDay)),
                    recipient: Template(source: "{{ customer.team_lead }}", parts: [.variable("customer.team_lead")]),
                    channel: "chat"),
            ])
    }

    @Test func multiStepPlayWithDatesTrigger() throws {
        let text = """
            kizuna: 1
            playbook: renewal-prep
            title: Renewal preparation
            applies:
              stage: [adoption, mature]
            dates: [renewal date - 90 days, renewal date - 30 days]
            timezone: team
            steps:
              - id: review
                title: Review usage for {{ customer.name }}
                start: 5 business days before
              - id: call
                title: Renewal call
                owner: "{{ customer.team_lead }}"
                priority: critical
                start: on the day
              - id: summary
                title: Send the summary
                start: 2 business days after previous
              - id: follow-up
                title: Follow up
                start: after previous
            """
        let playbook = try PlaybookLoader.load(file: "renewal.yaml", text: text)
        #expect(playbook.applies.stages == ["adoption", "mature"])
        #expect(
            playbook.trigger
                == .dates([
                    Anchor(.renewalDate, offsets: [CalendarSpan(-90, .day)]), Anchor(.renewalDate, offsets: [CalendarSpan(-30, .day)]),
                ]))
        #expect(playbook.zone == .team)
        #expect(playbook.steps.map(\.id) == ["review", "call", "summary", "follow-up"])
        #expect(playbook.steps.map(\.start) == [
            .occurrence(CalendarSpan(-5, .businessDay)), .occurrence(nil), .afterPrevious(CalendarSpan(2, .businessDay)),
            .afterPrevious(CalendarSpan(0, .day)),
        ])
        #expect(playbook.steps[1].priority == .critical)
        #expect(playbook.steps[0].priority == .medium)
    }

    @Test func conditionTriggerWithCooldownAndOneLineCadence() throws {
        let risk = try PlaybookLoader.load(file: "risk.yaml", text: """
            kizuna: 1
            playbook: health-risk
            title: Health risk intervention
            when: health < 40 or change(health, 28 days) <= -20
            cooldown: 30 days
            task:
              title: Call {{ customer.name }}
            """)
        guard case .condition(let condition, let cooldown) = risk.trigger else {
            Issue.record("expected a condition trigger")
            return
        }
        #expect(condition.source == "health < 40 or change(health, 28 days) <= -20")
        #expect(cooldown == CalendarSpan(30, .day))
        #expect(risk.applies == Applicability())

        let weekly = try PlaybookLoader.load(file: "weekly.yaml", text: """
            kizuna: 1
            playbook: weekly
            title: Weekly
            cadence: every week on tuesday at 10:00
            task:
              title: Check in
            """)
        #expect(weekly.trigger == .schedule(.cadence(Cadence(frequency: .week, days: [.weekday(.tuesday)], times: [LocalTime(hour: 10, minute: 0)!]))))
    }

    @Test func impossibleCadenceDaysAreReported() {
        let text = """
            kizuna: 1
            playbook: daily
            title: Daily
            cadence:
              every: day
              on: tuesday
              count: 0
            task:
              title: Check in
            """
        #expect(throws: DiagnosticList.self) { try PlaybookLoader.load(file: "daily.yaml", text: text) }
        do {
            _ = try PlaybookLoader.load(file: "daily.yaml", text: text)
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "daily.yaml:6:7: error: days cannot be chosen for a cadence counted in days: remove `tuesday`",
                "daily.yaml:7:10: error: expected a number of occurrences (1 or more), found `0`",
            ])
        }
    }

    @Test func directoryLoadingSortsFilesAndReportsDuplicateIds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-playbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let play = { (id: String) in "kizuna: 1\nplaybook: \(id)\ntitle: A play\ncadence: every week\ntask:\n  title: Do it\n" }
        try play("check-in").write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try play("check-in").write(to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        try play("qbr").write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "kizuna: 1\n".write(to: folder.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        try "not a playbook".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let (playbooks, diagnostics) = PlaybookLoader.load(paths: [folder.path])
        #expect(playbooks.map(\.id) == ["qbr", "check-in"])
        let b = folder.appendingPathComponent("b.yaml").path
        let c = folder.appendingPathComponent("c.yml").path
        #expect(diagnostics.first?.description == "\(c):2:11: error: duplicate playbook id `check-in` (also used in \(b):2:11)")
        #expect(diagnostics.dropFirst().allSatisfy { $0.location?.file.hasSuffix("d.yaml") == true })
        #expect(diagnostics.count == 5)  // the duplicate, then d.yaml's missing playbook, title, trigger and task
    }

    @Test func aOneLineRRULECadenceIsReadAndItsErrorsPointIntoTheRule() throws {
        let play = { (rule: String) in "kizuna: 1\nplaybook: monthly\ntitle: Monthly\ncadence: \"\(rule)\"\ntask:\n  title: Do it\n" }
        let playbook = try PlaybookLoader.load(file: "m.yaml", text: play("RRULE:FREQ=MONTHLY;BYDAY=-1FR"))
        #expect(playbook.trigger == .schedule(.rrule(try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR"), holidays: .keep)))
        do {
            _ = try PlaybookLoader.load(file: "m.yaml", text: play("RRULE:FREQ=MONTLY"))
            Issue.record("a misspelt FREQ must be an error")
        } catch {
            #expect(error.diagnostics.map(\.location) == [SourceLocation(file: "m.yaml", line: 4, column: 22)])
            #expect(error.diagnostics.first?.hint == "did you mean `MONTHLY`?")
        }
    }

    @Test func aFileThatIsNotTextIsReportedAtItsStart() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-binary-\(UUID().uuidString).yaml")
        try Data([0x00, 0xFF, 0xFE, 0x41]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (playbooks, diagnostics) = PlaybookLoader.load(paths: [file.path])
        #expect(playbooks.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: file.path, line: 1, column: 1))
        #expect(diagnostics.first?.message.hasPrefix("cannot read the file as UTF-8 text") == true)
    }

    @Test func missingFolderIsADiagnostic() {
        let (playbooks, diagnostics) = PlaybookLoader.load(paths: ["/nonexistent/kizuna-playbooks"])
        #expect(playbooks.isEmpty)
        #expect(diagnostics.count == 1)
    }

    @Test func stagesAreAParameter() throws {
        let text = "kizuna: 1\nplaybook: trial\ntitle: Trial\napplies: { stage: trial }\ncadence: every week\ntask:\n  title: Do it\n"
        #expect(throws: DiagnosticList.self) { try PlaybookLoader.load(file: "t.yaml", text: text) }
        let playbook = try PlaybookLoader.load(file: "t.yaml", text: text, stages: PlaybookLoader.defaultStages + ["trial"])
        #expect(playbook.applies.stages == ["trial"])
    }
}

@Suite struct TemplateTests {
    @Test func partsAndCustomFields() throws {
        let template = try Template(parsing: "Hi {{customer.name}}, region {{ customer.fields.region }}!")
        #expect(template.parts == [.text("Hi "), .variable("customer.name"), .text(", region "), .variable("customer.fields.region"), .text("!")])
        #expect(template.render { $0 == "customer.name" ? "Acme" : nil } == "Hi Acme, region !")
    }

    @Test func errorsCarryOffsetsAndHints() {
        #expect(throws: SyntaxError("unknown template variable `customer.nmae`", at: 3, hint: "did you mean `customer.name`?")) {
            try Template(parsing: "{{ customer.nmae }}")
        }
        #expect(throws: SyntaxError("unclosed `{{`", at: 4, hint: "end the placeholder with `}}`")) {
            try Template(parsing: "Hi, {{ customer.name")
        }
        #expect(throws: SyntaxError.self) { try Template(parsing: "{{ }}") }
        #expect(throws: SyntaxError.self) { try Template(parsing: "{{ customer.fields. }}") }
    }
}
