import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Process versions on each engine: a save is a new version; a dossier's day picks the version in force.
@Suite struct ProcessStoreTests {
    static func process(effectiveFrom: String, budget: TimeBudget) -> ProcessDefinition {
        ProcessDefinition(
            key: "1.004873", name: "Xác nhận tình trạng hôn nhân", procedureCode: "1.004873", version: 0,
            effectiveFrom: CivilDate(iso: effectiveFrom)!,
            nodes: [ProcessNode(id: "start", name: "Bắt đầu", kind: .start),
                    ProcessNode(id: "tham_dinh", name: "Thẩm định", kind: .step(unit: "Tư pháp", role: .specialist, budget: budget)),
                    ProcessNode(id: "end", name: "Kết thúc", kind: .end)],
            flows: [ProcessFlow(id: "f1", source: "start", target: "tham_dinh"), ProcessFlow(id: "f2", source: "tham_dinh", target: "end")])
    }

    /// Two officers of the control office saving the same process at the same moment (on PostgreSQL, transactions
    /// that both read the same latest version): each save gets a version of its own, one after another.
    @Test(arguments: TestEngine.available)
    func versionsSavedAtOnceAreNumberedOneAfterAnother(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let store = ProcessStore(database: database)
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for day in 1...8 {
                    group.addTask {
                        try await store.save(Self.process(effectiveFrom: "2026-01-0\(day)", budget: .workingDays(2)), by: "quantri", at: now).version
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(versions.sorted() == Array(1...8))
        }
    }

    @Test(arguments: TestEngine.available)
    func theVersionInForceOnTheDayOfReceiptIsChosen(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let store = ProcessStore(database: database)
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let first = try await store.save(Self.process(effectiveFrom: "2026-01-01", budget: .workingDays(2)), by: "quantri", at: now)
            let second = try await store.save(Self.process(effectiveFrom: "2026-07-01", budget: .workingDays(1)), by: "quantri", at: now)
            #expect(first.version == 1 && second.version == 2)
            let before = try await store.versionInForce(procedureCode: "1.004873", agencyCode: "000.30.01.H26", on: CivilDate(iso: "2025-12-31")!)
            let june = try await store.versionInForce(procedureCode: "1.004873", agencyCode: "000.30.01.H26", on: CivilDate(iso: "2026-06-30")!)
            let july = try await store.versionInForce(procedureCode: "1.004873", agencyCode: "000.30.01.H26", on: CivilDate(iso: "2026-07-01")!)
            let latest = try await store.definition(key: "1.004873")
            let versionOne = try await store.definition(key: "1.004873", version: 1)
            #expect(before == nil, "nothing before the first")
            #expect(june?.version == 1)
            #expect(july?.version == 2)
            #expect(latest?.version == 2)
            #expect(versionOne == first)
        }
    }
}
