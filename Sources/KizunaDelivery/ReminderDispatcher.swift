import KizunaCore
import KizunaStore
import Logging

/// Delivers the reminders and digests the store owes, through the configured channels, and
/// records every attempt. Meant to be called on the daemon's serial queue: `deliverDue(now:)`
/// when a timer fires, `nextInstant(after:)` to arm the next one.
///
/// - At least once: a reminder is settled only after every channel delivered it (or failed
///   on its last allowed attempt), and each channel's success is recorded right after the
///   channel returns. A crash between a channel's success and that record sends that
///   channel's message again at the next start: the at-least-once window, at most the
///   `messagesInFlight` messages being sent at once.
/// - At once: the reminders of a round are sent `messagesInFlight` at a time, started in the
///   order of their instants, each reminder's channels one after the other.
/// - Never twice otherwise: a channel with a recorded delivery for the reminder's instant is
///   never tried again, and a settled reminder is not owed until planning moves its instant.
/// - Late: reminders first sent more than `late_after` after their instant (the daemon was
///   down) are sent once and marked late. Of the reminders of one task to one person owed
///   at once, only the latest is sent (the others are settled as superseded), and reminders
///   of tasks that are no longer pending are settled as skipped, unsent. A snoozed task's
///   reminders wait for the snooze to end.
public final class ReminderDispatcher: Sendable {
    let store: Store
    let settings: DeliverySettings
    let teamZone: Zone
    let channels: ChannelSet
    let logger: Logger

    /// A dispatcher over `store` with the configuration's channels; `channels` replaces them (for tests).
    public init(store: Store, configuration: Configuration, logger: Logger, channels: ChannelSet? = nil) {
        self.store = store
        settings = configuration.delivery
        teamZone = configuration.zone
        self.channels = channels ?? ChannelSet(settings: configuration.delivery, logger: logger)
        self.logger = logger
    }

    /// Sends every reminder owed at or before `now` and not yet delivered, the retries that
    /// are due, and the morning digests whose time has come today. Once `shouldStop` turns
    /// true, nothing more is sent: what is left stays owed (every message sent is recorded
    /// as it goes), so that a daemon asked to stop does not first work through a backlog.
    public func deliverDue(now: Instant, shouldStop: () -> Bool = { false }) throws(StoreError) -> DeliveryReport {
        var report = DeliveryReport()
        try deliverReminders(now: now, report: &report, shouldStop: shouldStop)
        try deliverDigests(now: now, report: &report, shouldStop: shouldStop)
        return report
    }

    /// The earliest instant after `now` at which `deliverDue` has something to do: a
    /// reminder, a retry, the end of a snooze holding a reminder, or a digest. Call it after
    /// `deliverDue(now:)` and after each planning pass.
    public func nextInstant(after now: Instant) throws(StoreError) -> Instant? {
        var candidates = [try store.nextOwedReminder(after: now)]
        for owed in try store.owedReminders(through: now) where owed.task.state.isPending {
            if let held = heldUntil(owed, now: now) {
                candidates.append(held)
                continue
            }
            for (_, progress) in ChannelProgress.of(channels(of: owed), attempts: owed.attempts, policy: settings.retry, now: now) {
                if case .retry(let at) = progress.step { candidates.append(at) }
            }
        }
        candidates += try nextDigestInstants(after: now)
        return candidates.compactMap { $0 }.filter { $0 > now }.min()
    }

    // MARK: Reminders

    /// How many messages a round sends at once. Programs and webhooks mostly wait (a process
    /// starting, a round trip), so more at once than the cores keeps a burst of reminders
    /// within its second; few enough that a burst does not start dozens of programs or
    /// connections at once on a small machine, and that a crash resends little: each message
    /// in flight may go out again at the next start (the at-least-once window).
    static let messagesInFlight = 8

    private func deliverReminders(now: Instant, report: inout DeliveryReport, shouldStop: () -> Bool) throws(StoreError) {
        let owed = try store.owedReminders(through: now)
        let closed = owed.filter { !$0.task.state.isPending }
        try settle(closed, as: .skipped, report: &report)
        let ready = owed.filter { $0.task.state.isPending && heldUntil($0, now: now) == nil }
        // Of the fresh reminders of one task to one person, the latest speaks for all.
        let fresh = Dictionary(grouping: ready.filter(\.attempts.isEmpty)) { [$0.task.id.hex, $0.reminder.recipient] }
        var superseded: [OwedReminder] = []
        var sending = ready.filter { !$0.attempts.isEmpty }
        for group in fresh.values {
            let ordered = group.sorted { ($0.reminder.instant, $0.id) < ($1.reminder.instant, $1.id) }
            sending.append(ordered.last!)
            superseded += ordered.dropLast()
        }
        try settle(superseded, as: .superseded, report: &report)
        let outgoing = outgoing(sending.sorted { ($0.reminder.instant, $0.id) < ($1.reminder.instant, $1.id) }, now: now)
        // Those with nothing to try now are settled if every channel is, else left for their retries.
        let idle = outgoing.filter(\.channels.isEmpty)
        for settlement in ReminderSettlement.allCases {
            try settle(idle.filter { self.settlement(of: $0, now: now) == settlement }.map(\.owed), as: settlement, report: &report)
        }
        let customers = try store.customers(ids: Set(outgoing.map(\.owed.task.customer)))
        var round = ReminderRound(outgoing) { reminder in
            let owed = reminder.owed
            let report = TaskReport(owed.task, customer: customers[owed.task.customer], now: now)
            return MessageText.reminder(owed, report: report, late: reminder.late, now: now)
        }
        try BoundedJobs(limit: Self.messagesInFlight) { [self] (send: ReminderRound.Send) in
            attempt(send.message, on: send.channel, now: now)
        }.run(next: { shouldStop() ? nil : round.next() }) { (sent) throws(StoreError) in
            try record(sent, of: &round, now: now, report: &report)
        }
    }

    /// Records the attempts of messages that finished together in one transaction, each with
    /// its reminder's settlement when that was its last channel to try.
    private func record(
        _ sent: [(job: ReminderRound.Send, outcome: DeliveryAttempt)], of round: inout ReminderRound, now: Instant,
        report: inout DeliveryReport
    ) throws(StoreError) {
        var settling: [(id: Int64, instant: Instant, settlement: ReminderSettlement)] = []
        for (send, attempt) in sent {
            guard round.sent(send, attempt: attempt) else { continue }
            let reminder = round.reminders[send.reminder]
            if let settlement = settlement(of: reminder, now: now) {
                settling.append((reminder.owed.id, reminder.owed.reminder.instant, settlement))
            }
        }
        let reminders = sent.map { round.reminders[$0.job.reminder] }
        let recorded = try store.record(
            zip(sent, reminders).map { (attempt: $0.outcome, reminder: $1.owed.id, instant: $1.owed.reminder.instant) },
            settling: settling)
        for (attempt, reminder) in zip(recorded, reminders) {
            report.attempts.append(
                .init(kind: .reminder, recipient: reminder.owed.reminder.recipient, task: reminder.owed.task.id, attempt: attempt))
        }
        for settled in settling { report.settle(1, as: settled.settlement) }
    }

    /// `owed`, each with whether it is late and the channels to try now.
    private func outgoing(_ owed: [OwedReminder], now: Instant) -> [ReminderRound.Outgoing] {
        owed.map { owed in
            let late = owed.attempts.first?.late ?? (now.secondsSinceEpoch - owedAt(owed).secondsSinceEpoch > settings.lateAfterSeconds)
            let channels = ChannelProgress.of(channels(of: owed), attempts: owed.attempts, policy: settings.retry, now: now)
                .filter { $0.1.step == .tryNow }.map(\.0)
            return .init(owed: owed, late: late, channels: channels, attempts: owed.attempts)
        }
    }

    /// How `reminder` is settled once every channel it had to try now was tried; `nil` while
    /// one is left to retry later.
    private func settlement(of reminder: ReminderRound.Outgoing, now: Instant) -> ReminderSettlement? {
        let progress = ChannelProgress.of(channels(of: reminder.owed), attempts: reminder.attempts, policy: settings.retry, now: now)
        guard progress.allSatisfy({ $0.1.isSettled }) else { return nil }
        return progress.contains { $0.1.step == .gaveUp } ? .failed : reminder.late ? .late : .delivered
    }

    /// Sends `message` on `channel` and returns the attempt to record.
    func attempt(_ message: DeliveryMessage, on channel: String, now: Instant) -> DeliveryAttempt {
        let address = settings.people[message.recipient]?.addresses[channel]
        do {
            try channels.send(message, on: channel, address: address)
            return DeliveryAttempt(channel: channel, at: now, outcome: .delivered, late: message.late)
        } catch {
            logger.warning(
                "could not deliver on \(channel): \(error.message)",
                metadata: ["recipient": "\(message.recipient)", "kind": "\(message.kind.rawValue)"])
            return DeliveryAttempt(channel: channel, at: now, outcome: .failed, error: error.message, late: message.late)
        }
    }

    private func settle(_ reminders: [OwedReminder], as settlement: ReminderSettlement, report: inout DeliveryReport)
        throws(StoreError)
    {
        try store.settle(reminders.map { ($0.id, $0.reminder.instant) }, as: settlement)
        report.settle(reminders.count, as: settlement)
    }

    private func channels(of owed: OwedReminder) -> [String] {
        settings.channels(for: owed.reminder.recipient, named: owed.reminder.channel)
    }

    /// When a snoozed task's reminder may go, while its snooze has not ended.
    private func heldUntil(_ owed: OwedReminder, now: Instant) -> Instant? {
        guard owed.task.state == .snoozed, let until = owed.task.snoozedUntil, until > now else { return nil }
        return until
    }

    /// When the reminder was owed: its instant, or the end of the snooze that held it.
    private func owedAt(_ owed: OwedReminder) -> Instant {
        max(owed.reminder.instant, owed.task.snoozedUntil ?? owed.reminder.instant)
    }
}
