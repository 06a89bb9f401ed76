import Foundation
import Logging
@testable import MotCuaStore
import Synchronization
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
            #expect(after.runsWithSavepoints > before.runsWithSavepoints, "a write that failed after its insert had its batch run again")
        }
    }

    /// Writes that fail before changing anything (a stale version, a reused key) are left out of their batch
    /// without running it again; one that fails after creating a table or changing a row is undone alone.
    @Test func aWriteThatFailsBeforeChangingAnythingCostsItsBatchNothing() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE gc (id INTEGER PRIMARY KEY)").run() }
            let before = try #require(database.groupCommitStatistics)
            let refused = await Self.writeConcurrently(200, on: database) { id, db in
                if id % 10 == 3 {
                    _ = try await db.raw("SELECT COUNT(*) AS n FROM gc").first()
                    try await db.raw("UPDATE gc SET id = id WHERE id < 0").run()   // matches no row: changes nothing
                    throw Refused()
                }
                try await db.raw("INSERT INTO gc (id) VALUES (\(bind: id))").run()
            }
            #expect(refused == Array(stride(from: 3, to: 200, by: 10)))
            let after = try #require(database.groupCommitStatistics)
            #expect(after.runsWithSavepoints == before.runsWithSavepoints)
            #expect(try await Self.ids(in: database) == (0..<200).filter { $0 % 10 != 3 })

            let undone = await Self.writeConcurrently(100, on: database) { id, db in
                if id == 50 {
                    // A change of schema only: no row counted as changed.
                    try await db.raw("CREATE TABLE gc_\(unsafeRaw: String(id)) (x INTEGER)").run()
                    throw Refused()
                }
                try await db.raw("INSERT INTO gc (id) VALUES (\(bind: 1000 + id))").run()
            }
            #expect(undone == [50])
            #expect(try await Self.ids(in: database).filter { $0 >= 1000 } == (0..<100).filter { $0 != 50 }.map { 1000 + $0 })
            let tables = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'gc_50'").first()?.decode(column: "n", as: Int.self)
            }
            #expect(tables == 0, "the table the failed write created went with it")
        }
    }

    /// Runs `count` writes at once; returns the numbers of those that threw, in order.
    static func writeConcurrently(_ count: Int, on database: Database,
                                  _ body: @escaping @Sendable (Int, any SQLDatabase) async throws -> Void) async -> [Int] {
        await withTaskGroup(of: Int?.self) { group in
            for id in 0..<count {
                group.addTask {
                    do {
                        try await database.write { db in try await body(id, db) }
                        return nil
                    } catch {
                        return id
                    }
                }
            }
            return await group.reduce(into: [Int]()) { if let id = $1 { $0.append(id) } }.sorted()
        }
    }

    static func ids(in database: Database) async throws -> [Int] {
        try await database.read { db in
            try await db.raw("SELECT id FROM gc ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
        }
    }
}

/// SQLite reads: many more concurrent reads than read connections, interleaved with writes, each sees a
/// committed state and its own answer; the read connections refuse to write.
@Suite struct ReaderPoolTests {
    @Test func manyConcurrentReadsShareTheConnectionsAndSeeOnlyCommittedRows() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE rp (id INTEGER PRIMARY KEY, twice INTEGER NOT NULL)").run() }
            let answers = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
                for id in 0..<300 {
                    group.addTask {
                        if id % 3 == 0 {
                            try await database.write { try await $0.raw("INSERT INTO rp (id, twice) VALUES (\(bind: id), \(bind: 2 * id))").run() }
                        }
                        let twice = try await database.read { db in
                            try await db.raw("SELECT twice FROM rp WHERE id = \(bind: id)").first()?.decode(column: "twice", as: Int.self)
                        }
                        return (id, twice)
                    }
                }
                return try await group.reduce(into: [Int: Int?]()) { $0[$1.0] = $1.1 }
            }
            #expect(answers.count == 300)
            for (id, twice) in answers {
                #expect(twice == (id % 3 == 0 ? 2 * id : nil), "row \(id): its own committed write is read back, no other")
            }
            await #expect(throws: (any Error).self, "a read connection refuses to write") {
                try await database.read { try await $0.raw("INSERT INTO rp (id, twice) VALUES (1000, 0)").run() }
            }
        }
    }

    /// With every connection lent, a read waits its turn and gets one back: one connection, fifty readers that hold
    /// it across a suspension, never two at once, all served.
    @Test func aReadWaitsForALentConnection() async throws {
        try await ReaderPool.withOneReader { pool in
            let holding = Holders()
            let served = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await pool.read { db in
                            holding.state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                            await Task.yield()
                            let one = try await db.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self) ?? 0
                            holding.state.withLock { $0.now -= 1 }
                            return one
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(served == 50)
            #expect(holding.state.withLock { $0.most } == 1)
        }
    }

    /// How many readers hold a connection now, and the most at once.
    final class Holders: Sendable {
        let state = Mutex((now: 0, most: 0))
    }
}

/// The write-ahead log is copied back into the database file by the checkpointer, not by the writer's commits: once
/// the log passes its mark, the file itself grows to hold what was written, while the writes go on.
@Suite struct CheckpointerTests {
    @Test func theLogIsCopiedIntoTheFileOnceItPassesItsMark() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-wal-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeSQLite(at: path) }
        let database = try await Database.open(path)
        try await database.write { try await $0.raw("CREATE TABLE wal_pages (id INTEGER PRIMARY KEY, filler TEXT NOT NULL)").run() }
        let filler = String(repeating: "x", count: 3000)
        // About 2,000 pages of 4 KiB, twice the mark, one commit of 100 rows after another.
        for batch in 0..<20 {
            try await database.write { db in
                for row in 0..<100 {
                    try await db.raw("INSERT INTO wal_pages (id, filler) VALUES (\(bind: batch * 100 + row), \(bind: filler))").run()
                }
            }
        }
        var fileBytes = 0
        for _ in 0..<600 where fileBytes < 4_000_000 {
            fileBytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(fileBytes >= 4_000_000, "the database file holds the rows written to the log (\(fileBytes) bytes)")
        let count = try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM wal_pages").first()?.decode(column: "n", as: Int.self) }
        #expect(count == 2000)
        await database.close()
    }
}

/// Under writes that never pause and reads that never stop, the write-ahead log still starts again from its
/// beginning (the writer restarts it once a pass finds it long), so the log file stays near its mark instead of
/// growing by everything written.
@Suite struct LogRestartTests {
    @Test func theLogStaysNearItsMarkUnderWritesAndReadsThatNeverPause() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-restart-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeSQLite(at: path) }
        let database = try await Database.open(path, durability: .normal)
        try await database.write { try await $0.raw("CREATE TABLE restart_pages (id INTEGER PRIMARY KEY, filler TEXT NOT NULL)").run() }
        let filler = String(repeating: "x", count: 3000)
        // A row of 3,000 bytes is most of a 4 KiB page: four times the restart mark written, from 32 writers at once.
        let rows = 4 * Checkpointer.pagesBeforeRestart * 4 / 3
        let progress = Progress()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while progress.writing.load(ordering: .relaxed) {
                        let id = Int.random(in: 0..<max(1, progress.next.load(ordering: .relaxed)))
                        _ = try await database.read { try await $0.raw("SELECT id FROM restart_pages WHERE id = \(bind: id)").first() }
                        // A read that finds a connection free never suspends: let the writers have the threads too.
                        await Task.yield()
                    }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { writers in
                for _ in 0..<32 {
                    writers.addTask {
                        while case let id = progress.next.add(1, ordering: .relaxed).oldValue, id < rows {
                            try await database.write { try await $0.raw("INSERT INTO restart_pages (id, filler) VALUES (\(bind: id), \(bind: filler))").run() }
                        }
                    }
                }
                try await writers.waitForAll()
            }
            progress.writing.store(false, ordering: .relaxed)
            try await group.waitForAll()
        }
        let logBytes = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let frameBytes = 4096 + 24
        #expect(logBytes < 2 * Checkpointer.pagesBeforeRestart * frameBytes,
                "the log's file (\(logBytes / frameBytes) pages) stays near the restart mark, not the \(rows) rows written")
        let count = try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM restart_pages").first()?.decode(column: "n", as: Int.self) }
        #expect(count == rows)
        await database.close()
    }

    /// The next row to write, and whether the writers are still at it.
    final class Progress: Sendable {
        let next = Atomic(0)
        let writing = Atomic(true)
    }
}
