import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Gửi cùng lúc — writes that read what they then add to, sent at the same moment (two officers, a double click):
/// results attached to one dossier and supplements sent for it each get a number of their own, overlapping absences
/// of one officer keep one, a new account's name makes one account, the reference data are replaced in turn — on
/// both engines, on PostgreSQL too, where the
/// writes are transactions that would all read the same state.
@Suite struct SentAtOnceTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(arguments: TestEngine.available)
    func resultsAttachedAtOnceAreNumberedOneAfterAnother(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let code = try await Self.receivedDossier(in: database)
            let store = ResultFileStore(database: database)
            let numbers = try await Self.atOnce(6) { index in
                let file = AttachedFile(documentIndex: 0, documentName: "Giấy khai sinh", fileName: "kq-\(index).pdf", mediaType: .pdf,
                                        size: 6, sha256: String(repeating: "\(index)", count: 64))
                return try await store.add(file, title: "Giấy khai sinh", to: code, by: "lanhdao.badinh", at: Self.now, landing: nil)
            }
            #expect(numbers.sorted() == Array(1...6))
            #expect(try await store.entries(of: code).count == 6)
        }
    }

    @Test(arguments: TestEngine.available)
    func supplementsSentAtOnceAreNumberedOneAfterAnother(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let code = try await Self.receivedDossier(in: database)
            let store = SupplementStore(database: database)
            _ = try await Self.atOnce(6) { index in
                try await store.add(note: "Bổ sung lần \(index)", files: [], to: code, at: Self.now)
                return index
            }
            #expect(try await store.entries(of: code).map(\.sequence).sorted() == Array(1...6))
        }
    }

    /// Four overlapping absences of one officer recorded at once: one is saved, the others are shown it.
    @Test(arguments: TestEngine.available)
    func overlappingAbsencesRecordedAtOnceKeepOne(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let store = AbsenceStore(database: database)
            let saved = try await Self.atOnce(4) { index in
                let absence = Absence(username: "chuyenvien.badinh", startsAt: Self.now.addingTimeInterval(Double(index) * 3600),
                                      endsAt: Self.now.addingTimeInterval(86_400), substitute: "chuyenvien2.badinh", reason: "Nghỉ phép")
                return try await store.add(absence, recordedBy: "quantri") == nil ? 1 : 0
            }
            #expect(saved.reduce(0, +) == 1)
        }
    }

    /// One new account's name sent four times at once: one account is made, the others are told the name is taken.
    @Test(arguments: TestEngine.available)
    func anAccountAddedFourTimesAtOnceIsMadeOnce(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let store = UserStore(database: database)
            let made = try await Self.atOnce(4) { _ in
                try await store.add(username: "chuyenvien.moi", fullName: "Nguyễn Văn Mới", passwordHash: "x", grants: [],
                                    by: "quantri", now: Self.now) ? 1 : 0
            }
            #expect(made.reduce(0, +) == 1)
        }
    }

    /// One procedure saved three times at once (two officers of the control office, a double click), and one
    /// announced day: each save replaces the entry, none fails, one entry remains.
    @Test(arguments: TestEngine.available)
    func referenceDataSavedAtOnceAreReplacedInTurn(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: true) { database in
            let catalog = CatalogStore(database: database)
            let procedure = try #require(try await catalog.procedure(code: "1.004873"))
            let calendar = CalendarStore(database: database, province: "HN")
            let day = AnnouncedDay(date: CivilDate(iso: "2027-09-03")!, kind: .dayOff, name: "Nghỉ bù Quốc khánh")
            _ = try await Self.atOnce(3) { index in
                try await catalog.save([procedure], at: Self.now)
                try await calendar.save([day])
                return index
            }
            #expect(try await catalog.procedure(code: "1.004873") == procedure)
            #expect(try await calendar.announcedDays().filter { $0.date == day.date } == [day])
        }
    }

    static func receivedDossier(in database: Database) async throws -> String {
        try await DossierStoreTests.receive(DossierStoreTests.sampleDossier(), day: DossierStoreTests.day, in: database).code
    }

    /// `count` runs of `work`, all started before any ends; their results.
    static func atOnce(_ count: Int, _ work: @escaping @Sendable (Int) async throws -> Int) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 1...count { group.addTask { try await work(index) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
