import Foundation

/// Hands each message to the system's mailer through the `sendmail` interface
/// (`sendmail -t -i`, the message on stdin), addressed to the recipient's address for the
/// channel, else the channel's `to`.
public struct MailChannel: DeliveryChannel {
    let sendmail: String
    let from: String?
    let to: String?
    let timeoutSeconds: Int64

    public init(sendmail: String, from: String?, to: String?, timeoutSeconds: Int64) {
        self.sendmail = sendmail
        self.from = from
        self.to = to
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ message: DeliveryMessage) throws(DeliveryFailure) {
        guard let recipient = message.address ?? to else {
            throw DeliveryFailure(
                "no mail address for \(message.recipient): set `people.\(message.recipient).address.\(message.channel)` or the channel's `to`")
        }
        let mail = MailText(from: from, to: recipient, subject: message.subject, body: message.text, late: message.late).rendered
        try ProgramRun(arguments: [sendmail, "-t", "-i"], timeoutSeconds: timeoutSeconds).run(input: Data(mail.utf8))
    }
}

/// An RFC 5322 message in UTF-8. Header values lose any line break (no header injection);
/// a subject that is not ASCII is encoded as RFC 2047 requires.
struct MailText {
    var from: String?
    var to: String
    var subject: String
    var body: String
    var late: Bool

    var rendered: String {
        var headers: [String] = []
        if let from { headers.append("From: \(Self.oneLine(from))") }
        headers.append("To: \(Self.oneLine(to))")
        headers.append("Subject: \(Self.encoded(Self.oneLine(subject)))")
        headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        if late { headers.append("X-Kizuna-Late: yes") }
        return headers.joined(separator: "\n") + "\n\n" + body + "\n"
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// `=?UTF-8?B?…?=` when the text is not plain ASCII.
    static func encoded(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}
