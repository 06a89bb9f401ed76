import Foundation
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Group commit on SQLite: writes that arrive together share one commit, a write that fails is undone alone,
/// and every caller hears of its own outcome only.
@Suite struct GroupCommitTests {
    struct Refused: Error {}

    @Test func concurrentWritesShareCommitsAndAFailureIsUndoneAlone() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE gc (id INTEGER PRIMARY KEY)").run() }
            let before = try #require(database.groupCommitStatistics)
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for id in 0..<400 {
                    group.addTask {
                        do {
                            try await database.write { db in
                                try await db.raw("INSERT INTO gc (id) VALUES (\(bind: id))").run()
                                if id % 10 == 3 { throw Refused() }
                            }
                            return (id, true)
                        } catch {
                            return (id, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 3, to: 400, by: 10)))
            let stored = try await database.read { db in
                try await db.raw("SELECT id FROM gc ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
            }
            #expect(stored == (0..<400).filter { $0 % 10 != 3 }, "each refused write took only its own row with it")
            let after = try #require(database.groupCommitStatistics)
            #expect(after.writes - before.writes == 400)
            #expect(after.commits - before.commits < 400, "writes waiting together were committed together")
        }
    }
}
