import ArgumentParser
import KizunaCore
import KizunaStore

/// Exit codes of `kizuna`, documented in the README and in `kizuna --help`.
enum ExitStatus {
    /// The input (configuration, playbook, customer data, expression, an action that does not apply) has a problem.
    static let invalidInput: Int32 = 1
    /// No task or customer has the given id, or a task id prefix is ambiguous.
    static let notFound: Int32 = 2
    /// The store cannot be used: missing, locked by another process, read-only, damaged, or of a newer version.
    static let storeUnavailable: Int32 = 3

    /// The exit code for a store failure.
    static func code(for error: StoreError) -> Int32 {
        switch error.code {
        case .notFound, .ambiguousID: notFound
        case .invalidTransition, .invalidInput: invalidInput
        case .cannotOpen, .busy, .readOnly, .corrupt, .newerSchema, .olderSchema, .database: storeUnavailable
        }
    }
}

/// Prints diagnostics on standard error and ends the command with `ExitStatus.invalidInput`.
func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics { printError(diagnostic.description) }
    return ExitCode(ExitStatus.invalidInput)
}

func fail(_ message: String) -> ExitCode { fail([Diagnostic(message)]) }

/// Prints a store failure on standard error and ends the command with its exit code.
func fail(_ error: StoreError) -> ExitCode {
    printError(Diagnostic(error.message).description)
    return ExitCode(ExitStatus.code(for: error))
}

/// Runs a store operation, turning its failure into the command's exit.
@discardableResult
func storing<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw fail(error)
    }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
