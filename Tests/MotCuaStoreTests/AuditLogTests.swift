import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// The audit trail holds when untouched, and a hand edit anywhere is found at its first entry: content altered, an
/// entry removed, two entries swapped, the last entries cut off (found against an exported head); acts kept at once
/// and sealed by several sealers at once are each sealed once.
@Suite(.serialized) struct AuditLogTests {
    static let at = Date(timeIntervalSince1970: 1_772_416_800)

    static func withFiveEntries(_ engine: TestEngine, _ body: @escaping @Sendable (Database, AuditLog) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let log = AuditLog(database: database)
            for index in 1...5 {
                try await log.record(actor: "motcua.badinh", action: "ho-so.xem", subject: "000.30.01.H26-260302-000\(index)", at: at)
            }
            try await expectChained(5, by: log, on: engine)
            try await body(database, log)
        }
    }

    /// Acts just kept, the last `count` of them, are in the chain once sealed: on SQLite already, chained in their own
    /// transactions, with nothing left to seal; on PostgreSQL waiting until `seal` chains them.
    static func expectChained(_ count: Int, after seq: Int = 0, by log: AuditLog, on engine: TestEngine) async throws {
        switch engine {
        case .sqlite:
            #expect(try await log.seal() == 0, "chained as kept")
        case .postgres:
            #expect(try await log.entries(after: seq).isEmpty, "kept, waiting to be sealed")
            #expect(try await log.seal() == count)
        }
        #expect(try await log.entries(after: seq, limit: count + 1).count == count)
    }

    static func edit(_ database: Database, _ statements: String...) async throws {
        try await database.write { db in
            for statement in statements { try await db.raw(SQLQueryString(statement)).run() }
        }
    }

    static func firstBreak(_ log: AuditLog, expected: AuditLog.Head? = nil) async throws -> AuditLog.Break? {
        do {
            _ = try await log.verify(expected: expected)
            return nil
        } catch let broken as AuditLog.Break {
            return broken
        }
    }

    /// An entry's hash is over the JSON Foundation's default `JSONEncoder` writes for its fields (every chain sealed
    /// so far was hashed that way): the same digest for text with slashes, quotes, backslashes, control characters,
    /// Vietnamese and emoji.
    @Test(arguments: ["trạng thái 1 → 2", "hẹn trả 25/11/2026, https://dichvucong.gov.vn/", #"he said "no" \ again"#,
                      "tab\tnew line\ncarriage\r\u{1}\u{1F}\u{7F}", "😀 Đội Cấn", ""])
    func anEntrysHashIsOverFoundationsJSONOfItsFields(detail: String) throws {
        let fields = ["42", "1772416800", "motcua.badinh", "ho-so.tiep-nhan", "000.30.01.H26-261123-0001", detail,
                      AuditLog.genesis]
        let expected = SHA256Hex.of(try JSONEncoder().encode(fields))
        #expect(AuditLog.hash(seq: 42, at: 1_772_416_800, actor: fields[2], action: fields[3], subject: fields[4],
                              detail: detail, previous: AuditLog.genesis) == expected)
    }

    /// Acts kept at once by many requests (officers opening dossiers) are each kept, once, and sealed in a whole
    /// chain; on PostgreSQL they went in fewer statements than acts.
    @Test(arguments: TestEngine.available)
    func actsKeptAtOnceAreEachKeptOnce(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let log = AuditLog(database: database)
            let before = database.roundStatistics
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...40 {
                    group.addTask { try await log.record(actor: "motcua.badinh", action: "ho-so.xem", subject: "ho-so-\(index)", at: Self.at) }
                }
                try await group.waitForAll()
            }
            try await Self.expectChained(40, by: log, on: engine)
            #expect(try await log.verify() == 40)
            #expect(Set(try await log.entries().map(\.subject)) == Set((1...40).map { "ho-so-\($0)" }))
            if let before, let after = database.roundStatistics {
                #expect(after.inserted.writes - before.inserted.writes == 40)
                #expect(after.inserted.statements - before.inserted.statements < 40, "some acts went together: \(after)")
            }
        }
    }

    /// An act is kept with the write that does it, or not at all: of writes that each keep an act and run at once
    /// (on SQLite in one batch, a failed one undone alone), those that fail after keeping theirs leave no entry and
    /// no gap, and the chain holds over the others.
    @Test(arguments: TestEngine.available)
    func anActIsKeptWithItsWriteOrNotAtAll(engine: TestEngine) async throws {
        struct Refused: Error {}
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let log = AuditLog(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            try await database.write { db in
                                try await AuditLog.append(actor: "he-thong", action: "thu", subject: "\(index)", at: Self.at, in: db)
                                if index % 5 == 0 { throw Refused() }
                            }
                        } catch is Refused {}
                    }
                }
                try await group.waitForAll()
            }
            try await log.seal()
            #expect(try await log.verify() == 32)
            #expect(Set(try await log.entries().map(\.subject)) == Set((0..<40).filter { $0 % 5 != 0 }.map(String.init)))
        }
    }

    /// SQLite hashes an act as it chains it from all of its text, as `verify` reads it: a character U+0000 (which
    /// would end a C string), Vietnamese, emoji, quotes and slashes.
    @Test func anActsWholeTextIsHashedAsItIsChained() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            let log = AuditLog(database: database)
            try await log.record(actor: "cong-dan:001099000001", action: "ho-so.xem", subject: "000.30.01.H26-260302-0001",
                                 detail: "lý do: \"không\u{0}rõ\" 😀 https://dichvucong.gov.vn/", at: Self.at)
            #expect(try await log.verify() == 1)
            #expect(try await log.entries().first?.detail == "lý do: \"không\u{0}rõ\" 😀 https://dichvucong.gov.vn/")
        }
    }

    /// On SQLite an act with no head to follow (its row removed by hand) is refused, rather than written nowhere.
    @Test func anActWithNoHeadToFollowFailsRatherThanVanish() async throws {
        try await Self.withFiveEntries(.sqlite) { database, log async throws in
            try await Self.edit(database, "DELETE FROM audit_head")
            await #expect(throws: (any Error).self) {
                try await log.record(actor: "motcua.badinh", action: "ho-so.xem", subject: "000.30.01.H26-260302-0006", at: Self.at)
            }
            #expect(try await log.entries().count == 5)
        }
    }

    @Test(arguments: TestEngine.available)
    func anUntouchedChainHolds(engine: TestEngine) async throws {
        try await Self.withFiveEntries(engine) { _, log async throws in
            #expect(try await log.verify() == 5)
            #expect(try await log.head().seq == 5)
            #expect(try await log.verify(expected: try await log.head()) == 5)
        }
    }

    /// A chain sealed while SQLite kept the entries' numbers in an index of their own (before migration 26) holds
    /// after it, its entries as they were, and goes on from where it was.
    @Test func aChainSealedBeforeMigration26HoldsAfterIt() async throws {
        try await Self.withFiveEntries(.sqlite) { database, log async throws in
            let before = try await log.entries()
            try await Self.edit(database,
                                """
                                CREATE TABLE audit_log_old (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL,
                                  action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                                """,
                                "INSERT INTO audit_log_old SELECT * FROM audit_log", "DROP TABLE audit_log",
                                "ALTER TABLE audit_log_old RENAME TO audit_log", "DELETE FROM schema_migrations WHERE version = 26")
            #expect(try await Self.indexes(of: "audit_log", in: database) == 1, "as migration 25 left it")
            #expect(try await Migrations.run(on: database) == [26])
            #expect(try await Self.indexes(of: "audit_log", in: database) == 0, "the number is the row's own")
            #expect(try await log.entries() == before)
            #expect(try await log.verify() == 5)
            try await log.record(actor: "motcua.badinh", action: "ho-so.xem", subject: "000.30.01.H26-260302-0006", at: Self.at)
            try await Self.expectChained(1, after: 5, by: log, on: .sqlite)
            #expect(try await log.verify() == 6)
        }
    }

    static func indexes(of table: String, in database: Database) async throws -> Int {
        try await database.read { db in try await db.raw("SELECT COUNT(*) AS n FROM pragma_index_list(\(bind: table))").first()?
            .decode(column: "n", as: Int.self) ?? 0 }
    }

    @Test(arguments: TestEngine.available)
    func anAlteredEntryIsFound(engine: TestEngine) async throws {
        try await Self.withFiveEntries(engine) { database, log async throws in
            try await Self.edit(database, "UPDATE audit_log SET actor = 'ai-do' WHERE seq = 3")
            #expect(try await Self.firstBreak(log) == AuditLog.Break(seq: 3, reason: "nội dung mục số 3 đã bị sửa"))
        }
    }

    @Test(arguments: TestEngine.available)
    func aRemovedEntryIsFound(engine: TestEngine) async throws {
        try await Self.withFiveEntries(engine) { database, log async throws in
            try await Self.edit(database, "DELETE FROM audit_log WHERE seq = 2")
            #expect(try await Self.firstBreak(log)?.seq == 2)
            try await Self.edit(database, "UPDATE audit_log SET seq = seq - 1 WHERE seq > 2")
            #expect(try await Self.firstBreak(log) == AuditLog.Break(seq: 2, reason: "mục số 2 không nối tiếp mục trước (bị xóa, chèn hoặc đảo thứ tự)"),
                    "renumbering to hide the gap breaks the links")
        }
    }

    @Test(arguments: TestEngine.available)
    func swappedEntriesAreFound(engine: TestEngine) async throws {
        try await Self.withFiveEntries(engine) { database, log async throws in
            try await Self.edit(database, "UPDATE audit_log SET seq = 100 WHERE seq = 4", "UPDATE audit_log SET seq = 4 WHERE seq = 3",
                                "UPDATE audit_log SET seq = 3 WHERE seq = 100")
            #expect(try await Self.firstBreak(log)?.seq == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func entriesCutOffTheEndAreFoundAgainstAnExportedHead(engine: TestEngine) async throws {
        try await Self.withFiveEntries(engine) { database, log async throws in
            let exported = try await log.head()
            let fourth = try #require(try await log.entries(after: 3, limit: 1).first)
            try await Self.edit(database, "DELETE FROM audit_log WHERE seq = 5",
                                "UPDATE audit_head SET seq = 4, hash = '\(fourth.hash)' WHERE id = 1")
            #expect(try await log.verify() == 4, "without an outside anchor a clean cut at the end cannot be seen")
            #expect(try await Self.firstBreak(log, expected: exported)?.seq == 5)
        }
    }

    /// More acts waiting than one batch takes (PostgreSQL's, or on SQLite those an earlier version of MotCua left)
    /// are sealed in batches, each read and chained while the one before it is written and following the head that
    /// one leaves: all of them, once, in the order kept, the chain whole.
    @Test(arguments: TestEngine.available)
    func actsWaitingInManyBatchesAreSealedInOrder(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let log = AuditLog(database: database)
            let count = 2 * AuditLog.sealBatch + 1
            try await database.write { db in
                for index in 0..<count {
                    try await db.run(AuditAct(at: Self.at, actor: "he-thong", action: "thu", subject: "\(index)", detail: "").waiting.statement)
                }
            }
            #expect(try await log.seal() == count)
            #expect(try await log.verify() == count)
            #expect(try await log.entries(limit: 2 * count).map(\.subject) == (0..<count).map(String.init))
            #expect(try await log.seal() == 0, "nothing left waiting")
        }
    }

    /// Acts kept from many tasks while several sealers run at once (as several servers do): each act is sealed
    /// exactly once, the chain holds, and acts kept one after another are sealed in that order.
    @Test(arguments: TestEngine.available)
    func concurrentActsAndSealersSealEachActOnce(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let log = AuditLog(database: database)
            for index in 0..<3 {
                try await log.record(actor: "he-thong", action: "thu", subject: "truoc-\(index)", at: Self.at)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<300 {
                    group.addTask { try await log.record(actor: "he-thong", action: "thu", subject: "\(index)", at: Self.at) }
                    if index % 50 == 0 { group.addTask { try await log.seal() } }
                }
                try await group.waitForAll()
            }
            try await log.seal()
            #expect(try await log.verify() == 303)
            let subjects = try await log.entries(limit: 1000).map(\.subject)
            #expect(Set(subjects).count == 303)
            #expect(Array(subjects.prefix(3)) == ["truoc-0", "truoc-1", "truoc-2"])
        }
    }
}
