import KizunaCore
import KizunaDaemonState
import KizunaStore

/// What `kizuna status` reports: the daemon, the configuration's health, the store's counts.
struct StatusReport: Encodable {
    var daemon: DaemonReport
    var configuration: ConfigurationReport
    /// `nil` when the store cannot be read.
    var store: StoreSummary?
    var storeError: String?
    /// `nil` when the store cannot be read.
    var deliveries: DeliveriesReport?

    struct DaemonReport: Encodable {
        var running: Bool
        var pid: Int32?
        var since: String?
        var clockRate: Double?
        var lastPlan: PlanReport?
        var lastReload: ReloadReport?
        var nextWake: WakeReport?
    }

    struct PlanReport: Encodable {
        var at: String
        var cause: String
        var today: String
        var milliseconds: Int
        var created: Int
        var updated: Int
        var cancelled: Int
        var error: String?
    }

    struct ReloadReport: Encodable {
        var at: String
        var succeeded: Bool
        var diagnostics: [String]
    }

    struct WakeReport: Encodable {
        var at: String
        var purpose: String
    }

    /// Messages whose attempts all failed so far, and the latest failed attempts.
    struct DeliveriesReport: Encodable {
        var failing: Int
        var latestErrors: [FailureReport]

        init(_ health: DeliveryHealth, zone: Zone) {
            failing = health.failing
            latestErrors = health.latestErrors.map {
                FailureReport(
                    at: zone.iso8601($0.attempt.at), channel: $0.attempt.channel, recipient: $0.recipient, task: $0.task?.short,
                    attempt: $0.attempt.attempt, error: $0.attempt.error ?? "")
            }
        }
    }

    struct FailureReport: Encodable {
        var at: String
        var channel: String
        var recipient: String
        /// The reminder's task (short id); `nil` for a digest.
        var task: String?
        var attempt: Int
        var error: String
    }

    struct ConfigurationReport: Encodable {
        var file: String
        var playbooks: Int
        var diagnostics: [String]
    }

    /// The daemon's part: running or not, and, from its status file, what it last did.
    static func daemon(_ status: DaemonStatus?, running: Bool, zone: Zone) -> DaemonReport {
        guard let status else { return DaemonReport(running: running) }
        let time = zone.iso8601
        return DaemonReport(
            running: running, pid: running ? status.pid : nil, since: running ? time(status.started) : nil,
            clockRate: status.clockRate,
            lastPlan: status.lastPlan.map {
                PlanReport(
                    at: time($0.at), cause: $0.cause, today: $0.today, milliseconds: $0.milliseconds, created: $0.created,
                    updated: $0.updated, cancelled: $0.cancelled, error: $0.error)
            },
            lastReload: status.lastReload.map { ReloadReport(at: time($0.at), succeeded: $0.succeeded, diagnostics: $0.diagnostics) },
            nextWake: running ? status.nextWake.map { WakeReport(at: time($0.instant), purpose: $0.purpose) } : nil)
    }

    /// The report for a terminal.
    var lines: [String] {
        var lines: [String] = []
        if daemon.running, let pid = daemon.pid, let since = daemon.since {
            let clock = daemon.clockRate.map { $0 == 1 ? "" : ", test clock at \($0)× real time" } ?? ""
            lines.append("kizunad: running, pid \(pid), since \(since)\(clock)")
        } else {
            lines.append("kizunad: not running")
        }
        if let plan = daemon.lastPlan {
            let outcome = plan.error.map { "failed: \($0)" }
                ?? "\(plan.created) created, \(plan.updated) updated, \(plan.cancelled) cancelled in \(plan.milliseconds) ms"
            lines.append("  last plan:    \(plan.at) (\(plan.cause)), window from \(plan.today): \(outcome)")
        }
        if let reload = daemon.lastReload {
            if reload.succeeded {
                lines.append("  last reload:  \(reload.at): ok")
            } else {
                lines.append("  last reload:  \(reload.at): failed, the last good playbooks keep running")
                lines += reload.diagnostics.map { "    " + $0 }
            }
        }
        if let wake = daemon.nextWake { lines.append("  next wake-up: \(wake.at), \(wake.purpose)") }
        if configuration.diagnostics.isEmpty {
            lines.append("configuration: \(configuration.file): ok, \(configuration.playbooks) playbooks")
        } else {
            lines.append("configuration: \(configuration.file): \(configuration.diagnostics.count) problems")
            lines += configuration.diagnostics.map { "  " + $0 }
        }
        if let store {
            lines.append(
                "store: \(store.customers) customers, \(store.openTasks) open tasks, \(store.dueToday) due today, \(store.overdue) overdue")
        } else {
            lines.append("store: \(storeError ?? "cannot be read")")
        }
        if let deliveries {
            lines.append("deliveries: \(deliveries.failing == 0 ? "none failing" : "\(deliveries.failing) failing")")
            lines += deliveries.latestErrors.map { failure in
                let what = failure.task.map { "task \($0)" } ?? "digest"
                return "  \(failure.at) \(failure.channel) to \(failure.recipient) (\(what), attempt \(failure.attempt)): \(failure.error)"
            }
        }
        return lines
    }
}
