/// Reads one entry of `channels:` in `kizuna.yaml`: its `type` and that type's settings.
struct ChannelReader {
    static let types = ["exec", "webhook", "mail"]
    static let keys = ["type", "command", "url", "sendmail", "from", "to", "timeout"]
    /// The keys each type takes besides `type` and `timeout`.
    static let typeKeys = ["exec": ["command"], "webhook": ["url"], "mail": ["sendmail", "from", "to"]]

    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ node: YAMLNode, name: String) -> ChannelSettings? {
        guard let map = yaml.mapping(node, expected: "a channel (a mapping with `type` and its settings)",
                                     context: "the channel `\(name)`", allowed: Self.keys),
            let typeNode = map.required("type", "the channel's type: \(Self.types.joined(separator: ", "))", diagnostics: diagnostics),
            let type = yaml.scalar(typeNode, expected: "a channel type (\(Self.types.joined(separator: ", ")))")
        else { return nil }
        guard let allowed = Self.typeKeys[type.text] else {
            diagnostics.report("unknown channel type `\(type.text)`", at: type.location,
                               hint: didYouMean(type.text, among: Self.types) ?? "expected one of \(Self.types.joined(separator: ", "))")
            return nil
        }
        for key in map.keys where !(["type", "timeout"] + allowed).contains(key) {
            diagnostics.report("a \(type.text) channel takes no `\(key)`", at: map.keyLocation(key),
                               hint: "its keys are \((["type", "timeout"] + allowed).map { "`\($0)`" }.joined(separator: ", "))")
        }
        let timeout = map["timeout"].flatMap { DeliverySettingsReader(yaml: yaml).seconds($0, expected: "a timeout such as `10 seconds`") }
        let kind: ChannelSettings.Kind?
        switch type.text {
        case "exec":
            kind = map.required("command", "the program and its arguments, such as `[/usr/local/bin/notify, --json]`",
                                diagnostics: diagnostics)
                .flatMap { command($0) }.map { .exec(command: $0) }
        case "webhook":
            kind = .webhook(url: map["url"].flatMap { url($0) })
        default:
            let sendmail = map["sendmail"].flatMap { program($0, expected: "the sendmail program's absolute path") }
            kind = .mail(
                sendmail: sendmail ?? ChannelSettings.defaultSendmail,
                from: map["from"].flatMap { yaml.scalar($0, expected: "the sender's address") }?.text,
                to: map["to"].flatMap { yaml.scalar($0, expected: "the address of people without their own") }?.text)
        }
        guard let kind else { return nil }
        return ChannelSettings(name: name, kind: kind, timeoutSeconds: timeout ?? 10)
    }

    /// `[program, argument, …]` or a lone program path; the program is an absolute path.
    private func command(_ node: YAMLNode) -> [String]? {
        guard let parts = yaml.scalars(node, expected: "a list: the program and its arguments", item: "a program or argument"),
            let first = parts.first
        else { return nil }
        guard first.text.hasPrefix("/") else {
            diagnostics.report("the program `\(first.text)` must be an absolute path", at: first.location,
                               hint: "Kizuna runs it without a shell or PATH lookup, such as `/usr/local/bin/notify`")
            return nil
        }
        return parts.map(\.text)
    }

    private func program(_ node: YAMLNode, expected: String) -> String? {
        guard let scalar = yaml.scalar(node, expected: expected) else { return nil }
        guard scalar.text.hasPrefix("/") else {
            diagnostics.report("expected \(expected), found `\(scalar.text)`", at: scalar.location)
            return nil
        }
        return scalar.text
    }

    private func url(_ node: YAMLNode) -> String? {
        guard let scalar = yaml.scalar(node, expected: "an http or https URL") else { return nil }
        guard scalar.text.hasPrefix("http://") || scalar.text.hasPrefix("https://") else {
            diagnostics.report("expected an http or https URL, found `\(scalar.text)`", at: scalar.location)
            return nil
        }
        return scalar.text
    }
}
