import Foundation
import KizunaCore
import KizunaDelivery
import KizunaStore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct ProgramRunTests {
    @Test func programsStartWithNoBlockedSignalsEvenFromAThreadThatBlocksThem() throws {
        let example = try ExampleStore()
        // cp copies its own status: the mask it started with (a shell would reset its own).
        let channel = ExecChannel(command: ["/bin/cp", "/proc/self/status", example.folder + "/mask.out"], timeoutSeconds: 10)
        let message = try #require(Self.message())
        let failure = DispatchQueue(label: "blocked").sync { () -> DeliveryFailure? in
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGTERM)
            sigaddset(&blocked, SIGHUP)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            defer { pthread_sigmask(SIG_UNBLOCK, &blocked, nil) }
            do throws(DeliveryFailure) {
                try channel.send(message)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure == nil)
        let status = example.lines(of: "mask.out")
        #expect(status.first { $0.hasPrefix("SigBlk:") }?.hasSuffix("0000000000000000") == true)
        // No standard signal (1 to 31) ignored either; glibc reserves some real-time ones.
        let ignored = status.first { $0.hasPrefix("SigIgn:") }.flatMap { UInt64($0.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) }
        #expect(ignored.map { $0 & 0x7fff_ffff } == 0)
    }

    @Test func aProgramThatHangsIsStoppedAtItsTimeoutBySIGTERM() throws {
        let started = Date()
        let message = try #require(Self.message())
        #expect(throws: DeliveryFailure.self) { try ExecChannel(command: ["/bin/sleep", "30"], timeoutSeconds: 1).send(message) }
        // SIGTERM stops it at once; SIGKILL would only come two seconds later.
        #expect(Date().timeIntervalSince(started) < 2.5)
    }

    static func message() -> DeliveryMessage? {
        DeliveryMessage(kind: .digest, recipient: "alice", late: false, subject: "Today", text: "Nothing due")
    }
}
