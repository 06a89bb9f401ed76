import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// The catalog and reference tables on each engine: Vietnamese-aware search, units across the 2025 reform.
@Suite struct CatalogStoreTests {
    @Test(arguments: TestEngine.available)
    func searchIgnoresDiacriticsAndCase(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine) { database in
            let catalog = CatalogStore(database: database)
            for query in ["dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh", "dang   KY khai SINH"] {
                let names = try await catalog.search(query: query, limit: 50, offset: 0).items.map(\.name)
                #expect(names.contains("Đăng ký khai sinh"), "query \(query)")
            }
            let byD = try await catalog.search(query: "dat dai", limit: 50, offset: 0).items
            let byĐ = try await catalog.search(query: "đất đai", limit: 50, offset: 0).items
            #expect(byD == byĐ)
            #expect(try await catalog.search(query: "50%_", limit: 10, offset: 0).items.isEmpty, "LIKE wildcards are escaped")
        }
    }

    @Test(arguments: TestEngine.available)
    func aLegacyWardShowsUnderItsCurrentUnit(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let reference = ReferenceStore(database: database)
            #expect(try await reference.units(scheme: .current).count == 126)
            #expect(try await reference.units(scheme: .legacyDistrict).count == 30)
            let legacyWards = try await reference.units(scheme: .legacy)
            #expect(legacyWards.count == 526)
            // Every legacy ward converts to at least one current unit.
            for ward in legacyWards.prefix(40) {
                #expect(!(try await reference.currentUnits(forLegacy: ward.code).units.isEmpty), "ward \(ward.code)")
            }
        }
    }

    /// Procedures are decoded once per distinct stored text: one changed through the store, or in the database by
    /// another server, is read as it now is, never as it was.
    @Test(arguments: TestEngine.available)
    func aChangedProcedureIsNeverReadStale(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine) { database in
            let store = CatalogStore(database: database)
            var procedure = try #require(try await store.procedure(code: "1.004873"))
            #expect(try await store.procedure(code: "1.004873") == procedure, "read twice, the same")
            procedure.name = "Cấp Giấy xác nhận tình trạng hôn nhân (sửa)"
            try await store.save([procedure], at: Date())
            #expect(try await store.procedure(code: "1.004873")?.name == "Cấp Giấy xác nhận tình trạng hôn nhân (sửa)")
            try await database.write { db in
                try await db.raw("UPDATE procedures SET body = REPLACE(body, '(sửa)', '(sửa lần hai)') WHERE code = '1.004873'").run()
            }
            #expect(try await store.procedure(code: "1.004873")?.name == "Cấp Giấy xác nhận tình trạng hôn nhân (sửa lần hai)",
                    "changed by another server: read anew")
        }
    }
}

/// The shipped demo catalog obeys the rules every import obeys.
@Suite struct DemoCatalogTests {
    @Test func everyDemoProcedurePassesTheCatalogRules() throws {
        let procedures = try ReferenceData.demoCatalog()
        #expect(procedures.count >= 40)
        for procedure in procedures {
            #expect(CatalogRules.problem(in: procedure) == nil, "\(procedure.code) \(procedure.name)")
        }
        #expect(Set(procedures.map(\.code)).count == procedures.count, "codes are unique")
    }
}
