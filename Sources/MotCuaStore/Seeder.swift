import Foundation
import MotCuaCore
import SQLKit

/// Nạp dữ liệu ban đầu — fills an empty database with the reference data (units, agencies, calendar) and,
/// on request, the demo catalog. Each part is loaded only where its table is empty, so running it again or
/// on a live database changes nothing.
public struct Seeder: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Loads units, agencies and the announced calendar where missing.
    public func seedReference() async throws {
        let reference = ReferenceStore(database: database)
        if try await isEmpty("admin_units") {
            let (units, conversions) = try ReferenceData.hanoiUnits()
            try await reference.saveUnits(units, conversions: conversions)
        }
        if try await isEmpty("agencies") {
            let units = try await reference.units(scheme: .current)
            try await reference.saveAgencies(try ReferenceData.agencies(units: units))
        }
        if try await isEmpty("calendar_days") {
            let (province, days) = try ReferenceData.announcedDays()
            try await CalendarStore(database: database, province: province).save(days)
        }
    }

    /// Loads the demo catalog if the catalog is empty; returns whether it did.
    @discardableResult
    public func seedDemoCatalog(at now: Date) async throws -> Bool {
        guard try await isEmpty("procedures") else { return false }
        try await CatalogStore(database: database).save(try ReferenceData.demoCatalog(), at: now)
        return true
    }

    func isEmpty(_ table: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) == 0
        }
    }
}
