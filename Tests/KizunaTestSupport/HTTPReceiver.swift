import Foundation

/// A local HTTP receiver on 127.0.0.1 and an ephemeral port (Python's http.server as a
/// process): it answers 500 to the first `failures` POSTs, then 200, and appends every
/// body it receives, one per line, to `bodies`; `silent` makes it read and never answer.
public final class HTTPReceiver {
    public let process = Process()
    public let port: Int
    /// The file the bodies are appended to.
    public let bodies: String

    public init(folder: String, failures: Int, silent: Bool = false) throws {
        bodies = folder + "/received.jsonl"
        let script = folder + "/receiver.py"
        try """
            import http.server, sys, time
            failures = int(sys.argv[1])
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    global failures
                    body = self.rfile.read(int(self.headers['Content-Length']))
                    with open(sys.argv[2], 'ab') as out:
                        out.write(body + b'\\n')
                    if sys.argv[3] == 'silent':
                        time.sleep(30)
                    status = 500 if failures > 0 else 200
                    failures -= 1
                    self.send_response(status)
                    self.end_headers()
                    self.wfile.write(b'nope' if status == 500 else b'ok')
                def log_message(self, *args):
                    pass
            server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
            print(server.server_address[1], flush=True)
            server.timeout = 60
            server.serve_forever()
            """.write(toFile: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(failures), bodies, silent ? "silent" : "answer"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    public var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The bodies received so far, as JSON objects.
    public var received: [[String: Any]] {
        guard let text = try? String(contentsOfFile: bodies, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// SIGKILL: Foundation's `Process` passes on the test thread's signal mask, which may block SIGTERM.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
