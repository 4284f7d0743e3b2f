import Foundation
import GRDB
import Testing

@testable import KizunaStore

/// Read-only commands on a store an older version of Kizuna wrote (before `v5-planning`).
@Suite(.timeLimit(.minutes(5))) struct OlderStoreCommandTests {
    @Test func readOnlyCommandsUpgradeAnOlderStoreAndRead() throws {
        let sandbox = try Sandbox(planned: false)
        try FileManager.default.createDirectory(
            atPath: (sandbox.storePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: sandbox.storePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Migrations.migrator.migrate(queue, upTo: "v4-health")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO customers (id, name, csm, stage, stage_entered, zone)
                    VALUES ('acme-corp', 'Acme Corp', 'alice', 'onboarding', 1794528000, 'America/New_York')
                    """)
        }
        let show = try sandbox.run(["show", "acme-corp"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Acme Corp (acme-corp)  onboarding\n"), "\(show.stdout)")
        let today = try sandbox.run(["today"])
        #expect(today.status == 0, "\(today.stderr)")
        let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == Migrations.migrator.migrations)
    }
}
