import Foundation
import Logging
import MotCuaCore
@testable import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The retention period: an online draft never filed and untouched for longer goes, with the personal data typed
/// into it and the files only it referred to; a recent draft, a filed one and their files stay; a file uploaded a
/// moment ago (its draft not saved yet) stays; expired sessions go, and answers kept for retries past a week, and
/// the failed sign-ins counted in windows past; the sweep is in the audit trail.
@Suite struct RetentionSweepTests {
    static let now = Date(timeIntervalSince1970: 1_772_416_800)

    @Test(arguments: TestEngine.available)
    func oldUnfiledDraftsAndTheirFilesGoAndEverythingElseStays(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-luu-tru-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = try FileStore(directory: directory.path)
            func kept(_ character: Character, writtenDaysAgo days: Double) throws -> AttachedFile {
                let name = String(repeating: character, count: 64)
                let url = directory.appendingPathComponent(name)
                try Data("tệp".utf8).write(to: url)
                try FileManager.default.setAttributes([.modificationDate: Self.now.addingTimeInterval(-days * 86_400)], ofItemAtPath: url.path)
                return AttachedFile(documentIndex: 0, documentName: "Tờ khai", fileName: "\(character).pdf", mediaType: .pdf, size: 6, sha256: name)
            }
            let drafts = OnlineFilingStore(database: database)
            func draft(_ code: String, file: AttachedFile, savedDaysAgo days: Double) async throws {
                try await drafts.save(OnlineFilingStore.Draft(procedureCode: "1.001193", fields: ["address": "Số 1 phố Huế"], files: [file]),
                                      code: code, secret: "BIMAT", owner: "001190012345", at: Self.now.addingTimeInterval(-days * 86_400))
            }
            try await draft("CU", file: try kept("a", writtenDaysAgo: 40), savedDaysAgo: 40)
            try await draft("MOI", file: try kept("b", writtenDaysAgo: 40), savedDaysAgo: 2)
            _ = try kept("c", writtenDaysAgo: 40)
            _ = try kept("d", writtenDaysAgo: 0)
            try await database.write { db in
                for (address, minutesAgo) in [("10.0.0.1", 30), ("10.0.0.2", 0)] {
                    let window = SignInLockout.addressWindowStart(Int(Self.now.timeIntervalSince1970) - minutesAgo * 60)
                    try await db.raw("INSERT INTO sign_in_failures_by_address (address, window_start, failures) VALUES (\(bind: address), \(bind: window), 3)").run()
                }
                for (key, daysAgo) in [("cu", 8.0), ("moi", 6.0)] {
                    try await db.run(IdempotencyStore.recording(username: "motcua.badinh", key: key, requestHash: key, request: nil,
                                                                status: 201, response: "{}", now: Self.now.addingTimeInterval(-daysAgo * 86_400)).statement)
                }
            }
            try await CitizenStore(database: database).signIn(CitizenStore.Citizen(personalId: "001190012345", fullName: "Nguyễn Thị Mai", birthDate: nil),
                                                              level: .level2, tokenHash: "het-han", at: Self.now.addingTimeInterval(-86_400),
                                                              expiresAt: Self.now.addingTimeInterval(-3600))

            try await RetentionSweep(database: database, files: files, retentionDays: 30, interval: .seconds(3600), now: { Self.now },
                                     logger: Logger(label: "kiem-thu")).sweepOnce()

            #expect(try await drafts.draft(code: "CU", owner: "001190012345", matches: { _ in true }) == nil, "the old draft is gone")
            #expect(try await drafts.draft(code: "MOI", owner: "001190012345", matches: { _ in true }) != nil, "the recent one stays")
            let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).map { String($0.prefix(1)) })
            #expect(left == ["b", "d"], "only the old draft's file and the old file nothing refers to went")
            #expect(try await CitizenStore(database: database).session(tokenHash: "het-han", now: Self.now.addingTimeInterval(-7200)) == nil,
                    "the expired session is gone, not only past")
            let answers = try await database.read { db in
                let old = try await IdempotencyStore.recorded(username: "motcua.badinh", key: "cu", in: db)
                let recent = try await IdempotencyStore.recorded(username: "motcua.badinh", key: "moi", in: db)
                return (old == nil, recent != nil)
            }
            #expect(answers == (true, true), "an answer kept 8 days for retries is gone, one of 6 days stays")
            let users = UserStore(database: database)
            #expect(try await users.addressFailures("10.0.0.2", now: Self.now) == 3, "the current window's count stays")
            let windows = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM sign_in_failures_by_address").first()?.decode(column: "n", as: Int.self)
            }
            #expect(windows == 1, "the count of a window past is gone")
            let audit = AuditLog(database: database)
            try await audit.seal()
            let entries = try await audit.entries()
            #expect(try await audit.verify() == entries.count && entries.contains { $0.action == "luu-tru.xoa-ban-nhap" })
        }
    }
}
