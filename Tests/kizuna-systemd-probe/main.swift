// A small program the KizunaSystemd tests run as a process, the way the daemon will use the
// library: `notify STATE…` reports states to the manager, `log` writes entries through the
// journal handler chooser, `watchdog` prints the advertised watchdog interval, and
// `ping MILLISECONDS [BLOCK_AFTER]` runs the watchdog pinger on a serial queue for that
// long, the queue blocked from BLOCK_AFTER milliseconds on if given.
import Foundation
import KizunaSystemd
import Logging

let arguments = Array(CommandLine.arguments.dropFirst())
let notifier = Notifier()

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

/// Reads `ready`, `status=TEXT`, `watchdog`, `reloading`, `stopping`, `extend=USEC`.
func state(_ word: String) -> NotifyState? {
    switch word {
    case "ready": .ready
    case "watchdog": .watchdog
    case "stopping": .stopping
    case "reloading": .reloading(monotonicMicroseconds: 0)
    case _ where word.hasPrefix("status="): .status(String(word.dropFirst("status=".count)))
    case _ where word.hasPrefix("extend="): UInt64(word.dropFirst("extend=".count)).map { .extendTimeout(microseconds: $0) }
    default: nil
    }
}

do {
    switch arguments.first {
    case "notify":
        for word in arguments.dropFirst() {
            if word == "reloading" {
                print(try notifier.reloading())
            } else if let state = state(word) {
                print(try notifier.send(state))
            } else {
                fail("unknown state \(word)", status: 64)
            }
        }
    case "watchdog":
        print(try notifier.watchdogInterval().map { "\(Int($0 / .microseconds(1)))" } ?? "off")
    case "ping":
        let milliseconds = Int(arguments.dropFirst().first ?? "") ?? 0
        let queue = DispatchQueue(label: "probe.scheduler")
        guard let pinger = try WatchdogPinger(notifier: notifier, queue: queue) else { fail("watchdog off", status: 1) }
        pinger.start()
        if let blockAfter = arguments.dropFirst(2).first.flatMap({ Int($0) }) {
            queue.asyncAfter(deadline: .now() + .milliseconds(blockAfter)) {
                Thread.sleep(forTimeInterval: Double(milliseconds - blockAfter) / 1000)
            }
        }
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        queue.sync { pinger.cancel() }
    case "log":
        LoggingSystem.bootstrap(SystemdLogging.handlerFactory(identifier: "kizuna-systemd-probe"))
        var logger = Logger(label: "probe")
        logger[metadataKey: "playbook"] = "onboarding-weekly"
        logger.info("Task due", metadata: ["customer": "acme-corp", "task": "f8616db"])
        logger.error("Reminder failed\nsecond line", metadata: ["customer": "globex", "channel.name": "mail"])
    default:
        fail("usage: kizuna-systemd-probe notify STATE… | watchdog | ping MILLISECONDS [BLOCK_AFTER] | log", status: 64)
    }
} catch {
    fail("\(error)", status: 1)
}
