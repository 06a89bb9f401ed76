import Foundation
import MotCuaCore
import SQLKit

/// Nạp dữ liệu ban đầu — fills an empty database with the reference data (units, agencies, calendar) and,
/// on request, the demo catalog. Units, calendar and catalog are loaded only where their table is empty;
/// agencies a release adds (by code) are added to a live database, and existing ones are left as they are.
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
        let units = try await reference.units(scheme: .current)
        let known = Set(try await reference.agencies().map(\.code))
        let missing = try ReferenceData.agencies(units: units).filter { !known.contains($0.code) }
        if !missing.isEmpty { try await reference.saveAgencies(missing) }
        if try await isEmpty("calendar_days") {
            let (province, days) = try ReferenceData.announcedDays()
            try await CalendarStore(database: database, province: province).save(days)
        }
    }

    /// Who saved the demo's drawn processes.
    public static let demoAuthor = "du-lieu-mau"

    /// Loads the demo catalog and its drawn processes (the interlinked chains, in force from the beginning like
    /// the catalog's own lists of steps) if the catalog is empty; returns whether it did.
    @discardableResult
    public func seedDemoCatalog(at now: Date) async throws -> Bool {
        guard try await isEmpty("procedures") else { return false }
        let catalog = try ReferenceData.demoCatalog()
        try await CatalogStore(database: database).save(catalog, at: now)
        for (code, bpmn) in try ReferenceData.demoProcesses() {
            guard let procedure = catalog.first(where: { $0.code == code }) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "Resources/processes/\(code).bpmn"])
            }
            let process = try ProcessImport.definition(from: bpmn, key: nil, procedure: procedure,
                                                       effectiveFrom: ProcessDefinition.beginning,
                                                       today: ProcessDefinition.beginning)
            _ = try await ProcessStore(database: database).save(process, by: Self.demoAuthor, at: now)
        }
        return true
    }

    func isEmpty(_ table: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) == 0
        }
    }
}
