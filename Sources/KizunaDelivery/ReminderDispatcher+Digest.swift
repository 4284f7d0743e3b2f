import KizunaCore
import KizunaStore

extension ReminderDispatcher {
    /// The zones people's mornings are in: the team's and every person's own.
    var digestZones: [Zone] {
        Array(Set([teamZone] + settings.people.values.compactMap(\.zone))).sorted { $0.identifier < $1.identifier }
    }

    func zone(of person: String) -> Zone {
        settings.people[person]?.zone ?? teamZone
    }

    /// The instant of `day`'s digest in `zone`.
    func digestInstant(_ digest: DigestSettings, day: CivilDate, zone: Zone) -> Instant {
        zone.instant(for: LocalDateTime(date: day, time: digest.at))
    }

    /// Sends today's digest to each person of each zone whose digest time has passed today,
    /// once per person and day, and retries the failed ones. A day whose digest time passed
    /// while the daemon was down is sent late the same day; an earlier day's is not sent.
    func deliverDigests(now: Instant, report: inout DeliveryReport, shouldStop: () -> Bool) throws(StoreError) {
        guard let digest = settings.digest else { return }
        for zone in digestZones {
            let day = zone.localDateTime(at: now).date
            let due = digestInstant(digest, day: day, zone: zone)
            guard due <= now else { continue }
            let runDone = try store.digestRunDone(day: day, zone: zone)
            let attempts = try store.digestAttempts(day: day)
            // After the run, only people with an unfinished digest need the list again.
            let unfinished = attempts.filter { person, tried in
                self.zone(of: person) == zone
                    && !ChannelProgress.of(settings.digestChannels(for: person), attempts: tried, policy: settings.retry, now: now)
                        .allSatisfy { $0.1.isSettled }
            }
            guard !runDone || !unfinished.isEmpty else { continue }
            let list = try store.today(zone: zone, now: now)
            let late = now.secondsSinceEpoch - due.secondsSinceEpoch > settings.lateAfterSeconds
            for group in list.owners where self.zone(of: group.owner) == zone {
                // A run left unfinished is taken up at the next start, minus what was sent.
                guard !shouldStop() else { return }
                let tried = attempts[group.owner] ?? []
                guard !runDone || unfinished[group.owner] != nil else { continue }
                let message = MessageText.digest(group, date: day, zone: zone, late: tried.first?.late ?? late)
                for (channel, progress) in ChannelProgress.of(
                    settings.digestChannels(for: group.owner), attempts: tried, policy: settings.retry, now: now)
                where progress.step == .tryNow {
                    let attempt = try store.record(attempt(message, on: channel, now: now), digestOf: group.owner, day: day)
                    report.attempts.append(.init(kind: .digest, recipient: group.owner, task: nil, attempt: attempt))
                }
            }
            if !runDone { try store.recordDigestRun(day: day, zone: zone, at: now) }
        }
    }

    /// The next digest time of each zone after `now`, and the retries of today's digests.
    func nextDigestInstants(after now: Instant) throws(StoreError) -> [Instant?] {
        guard let digest = settings.digest else { return [] }
        var instants: [Instant?] = []
        for zone in digestZones {
            let day = zone.localDateTime(at: now).date
            let today = digestInstant(digest, day: day, zone: zone)
            instants.append(today > now ? today : digestInstant(digest, day: day.adding(days: 1), zone: zone))
            for (person, tried) in try store.digestAttempts(day: day) where self.zone(of: person) == zone {
                for (_, progress) in ChannelProgress.of(settings.digestChannels(for: person), attempts: tried, policy: settings.retry, now: now) {
                    if case .retry(let at) = progress.step { instants.append(at) }
                }
            }
        }
        return instants
    }
}
