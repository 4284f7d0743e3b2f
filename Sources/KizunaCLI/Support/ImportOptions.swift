import Foundation
import ArgumentParser
import KizunaCore

/// The options of the import commands: the file, its column names, and what to do with bad rows.
struct ImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The file: CSV with a header row (`.csv`), else JSON lines.", valueName: "file"))
    var file: String?

    @Option(
        help: ArgumentHelp(
            "Map the file's columns to Kizuna's fields.",
            discussion: "Such as `Account ID=id,Owner=csm`. Replaces the configuration's `import` columns.", valueName: "col=field,..."))
    var map: String?

    @Option(help: ArgumentHelp("The file's format, when its name does not tell (csv or jsonl).", valueName: "format"))
    var format: String?

    @Flag(help: "Import the good rows of a file with bad ones, and list the rows skipped.")
    var skipInvalid = false

    /// `--map` as column → field, else the `configured` mapping (`import:` in the configuration).
    func columnMap(configured: [String: String]) throws -> [String: String] {
        guard let text = self.map else { return configured }
        var map: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map: expected `column=field` pairs separated by commas, found `\(pair)`")
            }
            map[parts[0]] = parts[1]
        }
        return map
    }

    /// The reader for `path`, whose columns map to fields by `--map`, else by `configured`.
    func reader(for path: String, configured: [String: String]) throws -> ImportReader {
        let format: ImportReader.Format
        if let name = self.format {
            guard let named = ImportReader.Format(rawValue: name) else { throw ValidationError("--format: expected csv or jsonl, found `\(name)`") }
            format = named
        } else {
            format = ImportReader.Format(path: path)
        }
        return ImportReader(format: format, columnMap: try columnMap(configured: configured))
    }

    /// The records to import: all of them, or, when some rows are bad, none (the rows are listed
    /// and the command fails) unless `--skip-invalid`, which lists the rows skipped.
    func accepted<Record>(_ result: ImportResult<Record>, file: String) throws -> [Record] {
        guard !result.rejected.isEmpty else { return result.records }
        let rows = result.rejected.count == 1 ? "1 row" : "\(result.rejected.count) rows"
        guard skipInvalid else {
            for problem in result.problems { printError(problem.description) }
            printError("error: \(rows) of \(file) cannot be imported; nothing was imported (fix them, or pass --skip-invalid)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        for problem in result.problems { printError(problem.description.replacingOccurrences(of: ": error: ", with: ": skipped: ")) }
        printError("skipped \(rows) of \(file)")
        return result.records
    }
}
