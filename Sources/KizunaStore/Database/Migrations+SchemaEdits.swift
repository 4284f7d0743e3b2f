import GRDB

extension Migrations {
    /// One edit of a table's definition: `original` replaced by `replacement` in the `CREATE TABLE`
    /// statement SQLite keeps in its schema.
    struct DefinitionEdit {
        var table: String
        var original: String
        var replacement: String
    }

    /// Edits the definitions of tables in the schema, for changes that leave the stored rows as
    /// they are, as SQLite documents (https://sqlite.org/lang_altertable.html#otheralter):
    /// SQLite cannot alter a constraint, and rebuilding a table would copy every row (and lose
    /// what later migrations add to it). A definition without the `original` text is left as it is.
    static func editDefinitions(_ edits: [DefinitionEdit], in db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        do {
            for edit in edits {
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
                    arguments: [edit.original, edit.replacement, edit.table])
            }
            // A new schema version makes every connection read the edited definitions again.
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        } catch {
            try? db.execute(sql: "PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }
}
