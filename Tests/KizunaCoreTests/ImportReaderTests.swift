import Foundation
import KizunaCore
import Testing

@Suite struct ImportReaderTests {
    let csv = ImportReader(format: .csv)

    private func rows(_ text: String, _ reader: ImportReader? = nil) -> [ImportRow] {
        (reader ?? csv).rows(Data(text.utf8), file: "f.csv")
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() {
        let rows = rows("id,name,notes\r\na,\"Acme, Inc\",\"said \"\"hi\"\"\r\nthen left\"\r\nb,Bee,\r\n")
        #expect(rows.map(\.number) == [2, 3])
        #expect(rows[0].fields["name"] == "Acme, Inc")
        #expect(rows[0].fields["notes"] == "said \"hi\"\r\nthen left")
        #expect(rows[1].fields == ["id": "b", "name": "Bee", "notes": ""])
        #expect(rows.allSatisfy { $0.problems.isEmpty })
    }

    @Test func columnsAreMappedAndPlaced() {
        let reader = ImportReader(format: .csv, columnMap: ["Account ID": "id", "Owner": "csm"])
        let row = rows("\u{FEFF}Account ID, Owner ,tier\nacme,alice,gold\n", reader)[0]
        #expect(row.fields == ["id": "acme", "csm": "alice", "tier": "gold"])
        #expect(row.location("csm") == SourceLocation(file: "f.csv", line: 2, column: 2))
    }

    @Test func invalidUTF8IsAProblemOfItsRowOnly() {
        var data = Data("id,name\na,Good\nb,Bad ".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(contentsOf: Data("\nc,Fine\n".utf8))
        let rows = csv.rows(data, file: "f.csv")
        #expect(rows.map { $0.problems.count } == [0, 1, 0])
        #expect(rows[1].problems[0].description == "f.csv:3:2: error: field `name`: not valid UTF-8 (save the file as UTF-8)")
    }

    @Test func aHugeFieldIsRejectedNotKept() {
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        let rows = rows("id,notes\na,\(huge)\n")
        #expect(rows[0].fields["notes"] == nil)
        #expect(rows[0].problems.first?.message.contains("longer than 64 KiB") == true)
    }

    @Test func jsonLinesReportBadLinesAndTypes() {
        var data = Data("{\"id\": \"a\", \"arr\": 12.5}\n\nnot json\n{\"id\": [1]}\n".utf8)
        data.append(contentsOf: [0x7B, 0xFF, 0x7D, 0x0A])
        let rows = ImportReader(format: .jsonLines).rows(data, file: "f.jsonl")
        #expect(rows.map(\.number) == [1, 3, 4, 5])
        #expect(rows[0].fields == ["id": "a", "arr": "12.5"])
        #expect(rows[1].problems.first?.message == "expected a JSON object on this line")
        #expect(rows[2].problems.first?.message == "field `id`: expected a string or a number")
        #expect(rows[3].problems.first?.message == "the line is not valid UTF-8")
    }

    @Test func plainAndEscapedJSONLinesReadAlike() {
        let reader = ImportReader(format: .jsonLines)
        let text = """
            {"id": "a", "name": "Café", "arr": 1000, "seats": -5, "health": 0, "tier": null}
            {"id":"a","name":"Caf\\u00e9","arr":1000,"seats":-5,"health":0,"tier":null}\r
             { "seats" : -5 , "arr" : 1000 , "health" : 0 , "name" : "Café" , "id" : "a" }\t
            """
        let rows = reader.rows(Data(text.utf8), file: "f.jsonl")
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.fields == ["id": "a", "name": "Café", "arr": "1000", "seats": "-5", "health": "0"])
            #expect(row.problems.isEmpty)
        }
    }

    @Test func chunksOfJSONLinesKeepTheirLineNumbers() {
        let text = (1...7).map { $0 == 4 ? "" : #"{"id": "c\#($0)"}"# }.joined(separator: "\n") + "\n"
        var chunks = ImportReader(format: .jsonLines).chunks(Data(text.utf8), file: "f.jsonl", parts: 1)
        #expect(chunks.total == 7)
        var read: [[Int]] = []
        while let rows = chunks.next(upTo: 3) {
            read.append(rows.map(\.number))
            #expect(rows.allSatisfy { $0.fields["id"] == "c\($0.number)" })
        }
        // The blank line 4 is no row; nothing follows the last newline.
        #expect(read == [[1, 2, 3], [5, 6], [7]])
        #expect(chunks.done == 7)
    }

    @Test func fieldsCompareInAnyOrder() {
        var fields: ImportFields = ["id": "a", "name": "A"]
        #expect(fields == ["name": "A", "id": "a"])
        fields["name"] = nil
        fields["tier"] = "gold"
        fields["id"] = "b"
        #expect(fields == ["tier": "gold", "id": "b"])
        #expect(fields != ["tier": "gold", "id": "b", "name": "A"])
    }

    @Test func theFormatFollowsTheFileName() {
        #expect(ImportReader.Format(path: "export.CSV") == .csv)
        #expect(ImportReader.Format(path: "customers.jsonl") == .jsonLines)
    }

    @Test func customerFilesRejectBadAndDuplicateRowsWithTheirPlace() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("customers-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            id,name,csm,stage,stage_entered,arr
            a,A,alice,onboarding,2026-11-02,100
            b,B,bob,ripe,2026-11-02,lots
            a,A again,alice,adoption,2026-11-02,
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CustomerRecord(teamZone: .utc).read(file: file.path, reader: csv)
        #expect(result.records.map(\.id) == ["a"])
        #expect(result.rows == [2])
        #expect(result.rejected.map(\.number) == [3, 4])
        #expect(result.problems.map(\.location?.column) == [4, 6, 1])
    }

    @Test func signalsNeedEveryField() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("signals-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "customer,metric,value,date\na,logins,3,2026-11-02\na,logins,,2026-11-03\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try SignalRecord(teamZone: .utc).read(file: file.path, reader: csv)
        // A date without a time is kept as a day of the customer's calendar, too.
        #expect(
            result.records == [
                Signal(
                    customer: "a", metric: "logins", value: 3, instant: Instant(secondsSinceEpoch: 1_793_577_600),
                    day: CivilDate("2026-11-02"))
            ])
        #expect(result.records.first?.dated(in: Zone.named("Asia/Tokyo")!).instant == Instant(iso8601: "2026-11-02T00:00:00+09:00", defaultZone: .utc))
        #expect(result.problems.map(\.message) == ["field `value`: is required"])
    }
}
