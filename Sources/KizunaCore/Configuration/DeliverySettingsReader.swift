/// Reads the delivery sections of `kizuna.yaml`: `channels`, `reminders`, `people` and
/// `digest`. Every channel a section names must be declared (or be `log`).
struct DeliverySettingsReader {
    static let keys = ["channels", "reminders", "people", "digest"]
    static let reminderKeys = ["channels", "retry", "late_after"]
    static let retryKeys = ["attempts", "first", "max"]
    static let personKeys = ["address", "channels", "timezone"]
    static let digestKeys = ["at", "channels"]

    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    /// The settings of the sections present in `map` (the configuration's root).
    func read(_ map: YAMLMapping) -> DeliverySettings {
        var settings = DeliverySettings()
        let channels = map["channels"].map(readChannels) ?? [:]
        settings.channels = channels
        let known = Set(channels.keys).union([DeliverySettings.logChannel])
        if let node = map["reminders"],
            let section = yaml.mapping(
                node, expected: "the reminder settings (a mapping with `channels`, `retry`, `late_after`)",
                context: "the reminder settings", allowed: Self.reminderKeys)
        {
            settings.defaultChannels = section["channels"].flatMap { channelList($0, known: known) } ?? []
            if let retry = section["retry"].flatMap(readRetry) { settings.retry = retry }
            if let late = section["late_after"].flatMap({ seconds($0, expected: "a duration such as `5 minutes`") }) {
                settings.lateAfterSeconds = late
            }
        }
        settings.people = map["people"].map { readPeople($0, known: known) } ?? [:]
        settings.digest = map["digest"].flatMap { readDigest($0, known: known) }
        return settings
    }

    private func readChannels(_ node: YAMLNode) -> [String: ChannelSettings] {
        guard let pairs = node.pairs else {
            yaml.mismatch(node, expected: "a mapping of channel names to channels, such as `chat: {type: webhook, url: …}`")
            return [:]
        }
        var channels: [String: ChannelSettings] = [:]
        for (key, value) in pairs {
            guard let name = yaml.identifier(key, expected: "a channel name") else { continue }
            if name.text == DeliverySettings.logChannel {
                diagnostics.report("`log` is the built-in channel and cannot be redeclared", at: name.location,
                                   hint: "give this channel another name")
                continue
            }
            if let channel = ChannelReader(yaml: yaml).read(value, name: name.text) { channels[name.text] = channel }
        }
        return channels
    }

    private func readRetry(_ node: YAMLNode) -> RetryPolicy? {
        guard let map = yaml.mapping(node, expected: "the retry settings (a mapping with `attempts`, `first`, `max`)",
                                     context: "the retry settings", allowed: Self.retryKeys)
        else { return nil }
        var policy = RetryPolicy()
        if let attempts = map["attempts"].flatMap({ yaml.integer($0, expected: "a number of attempts from 1 to 100", in: 1...100) }) {
            policy.attempts = attempts
        }
        if let first = map["first"].flatMap({ seconds($0, expected: "a delay such as `1 minute`") }) { policy.firstDelaySeconds = first }
        if let maximum = map["max"].flatMap({ seconds($0, expected: "a delay such as `1 hour`") }) { policy.maximumDelaySeconds = maximum }
        return policy
    }

    private func readPeople(_ node: YAMLNode, known: Set<String>) -> [String: PersonSettings] {
        guard let pairs = node.pairs else {
            yaml.mismatch(node, expected: "a mapping of people's names to their settings, such as `alice: {address: {email: …}}`")
            return [:]
        }
        var people: [String: PersonSettings] = [:]
        for (key, value) in pairs {
            guard let name = yaml.scalar(key, expected: "a person's name") else { continue }
            guard let map = yaml.mapping(value, expected: "a person's settings (a mapping with `address`, `channels`, `timezone`)",
                                         context: "the settings of `\(name.text)`", allowed: Self.personKeys)
            else { continue }
            var person = PersonSettings()
            person.addresses = map["address"].map { addresses($0, known: known) } ?? [:]
            person.channels = map["channels"].flatMap { channelList($0, known: known) }
            person.zone = map["timezone"].flatMap { yaml.scalar($0, expected: "an IANA time zone") }.flatMap { yaml.zone($0) }
            people[name.text] = person
        }
        return people
    }

    /// `address: {email: alice@example.com, chat: https://…}`: one address per declared channel.
    private func addresses(_ node: YAMLNode, known: Set<String>) -> [String: String] {
        guard let pairs = node.pairs else {
            yaml.mismatch(node, expected: "a mapping of channel names to addresses, such as `email: alice@example.com`")
            return [:]
        }
        var addresses: [String: String] = [:]
        for (key, value) in pairs {
            guard let channel = channelName(key, known: known),
                let address = yaml.scalar(value, expected: "the person's address on `\(channel)`")
            else { continue }
            addresses[channel] = address.text
        }
        return addresses
    }

    private func readDigest(_ node: YAMLNode, known: Set<String>) -> DigestSettings? {
        guard let map = yaml.mapping(node, expected: "the digest settings (a mapping with `at`, `channels`)",
                                     context: "the digest settings", allowed: Self.digestKeys),
            let atNode = map.required("at", "the local time of the digest, such as `\"08:30\"`", diagnostics: diagnostics),
            let at = yaml.scalar(atNode, expected: "a time of day such as `\"08:30\"`")
        else { return nil }
        guard let time = LocalTime(at.text) else {
            diagnostics.report("expected a time of day such as `\"08:30\"`, found `\(at.text)`", at: at.location)
            return nil
        }
        return DigestSettings(at: time, channels: map["channels"].flatMap { channelList($0, known: known) })
    }

    /// A list of declared channel names; unknown ones are reported.
    private func channelList(_ node: YAMLNode, known: Set<String>) -> [String]? {
        yaml.list(node, expected: "a list of channel names")?.compactMap { channelName($0, known: known) }
    }

    private func channelName(_ node: YAMLNode, known: Set<String>) -> String? {
        guard let scalar = yaml.scalar(node, expected: "a channel name") else { return nil }
        guard known.contains(scalar.text) else {
            let names = known.sorted()
            diagnostics.report(
                "unknown channel `\(scalar.text)`", at: scalar.location,
                hint: didYouMean(scalar.text, among: names) ?? "declare it under `channels:`; known: \(names.joined(separator: ", "))")
            return nil
        }
        return scalar.text
    }

    /// A duration in seconds: `30 seconds`, `5 minutes`, `1 hour`.
    func seconds(_ node: YAMLNode, expected: String) -> Int64? {
        guard let scalar = yaml.scalar(node, expected: expected) else { return nil }
        let parts = scalar.text.split(separator: " ")
        let units: [String: Int64] = ["second": 1, "minute": 60, "hour": 3_600]
        if parts.count == 2, let amount = Int64(parts[0]), amount > 0,
            let unit = units[parts[1].hasSuffix("s") ? String(parts[1].dropLast()) : String(parts[1])]
        {
            return amount * unit
        }
        diagnostics.report("expected \(expected), found `\(scalar.text)`", at: scalar.location,
                           hint: "write a positive number of seconds, minutes or hours")
        return nil
    }
}
