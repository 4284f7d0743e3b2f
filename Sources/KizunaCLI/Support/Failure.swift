import ArgumentParser
import KizunaCore

/// Exit codes of `kizuna`, documented in the README.
enum ExitStatus {
    /// The input (configuration, playbook, customer data, expression) has a problem.
    static let invalidInput: Int32 = 1
}

/// Prints diagnostics on standard error and ends the command with `ExitStatus.invalidInput`.
func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics { printError(diagnostic.description) }
    return ExitCode(ExitStatus.invalidInput)
}

func fail(_ message: String) -> ExitCode { fail([Diagnostic(message)]) }

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
