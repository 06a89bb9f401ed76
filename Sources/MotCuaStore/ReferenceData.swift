import Foundation
import MotCuaCore

/// Dữ liệu tham chiếu đóng gói — the data MotCua ships with: Hanoi's administrative units (GSO codes, both
/// structures and their conversion), the city's agencies, the announced calendar days, and a demo catalog.
public enum ReferenceData {
    /// Reads a bundled JSON resource.
    static func resource<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/\(name).json"])
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The units of both structures and the legacy-to-current conversion.
    public static func hanoiUnits() throws -> (units: [AdministrativeUnit], conversions: [UnitConversion]) {
        let file = try resource("hanoi-admin-units", as: UnitsFile.self)
        var units = file.current.wards.map {
            AdministrativeUnit(scheme: .current, code: $0.code, name: $0.name, type: $0.type, parentCode: nil)
        }
        for district in file.legacy.districts {
            units.append(AdministrativeUnit(scheme: .legacyDistrict, code: district.code, name: district.name,
                                            type: district.type, parentCode: nil))
            units += district.wards.map {
                AdministrativeUnit(scheme: .legacy, code: $0.code, name: $0.name, type: $0.type, parentCode: district.code)
            }
        }
        let conversions = file.conversion.map { UnitConversion(legacyCode: $0.old, currentCodes: $0.new, partly: $0.partly) }
        return (units, conversions)
    }

    /// The city-level agencies, and a People's Committee and a police office for every current ward and commune.
    public static func agencies(units: [AdministrativeUnit]) throws -> [Agency] {
        let city = try resource("agencies", as: AgenciesFile.self).agencies
        let wards = units.filter { $0.scheme == .current }.sorted { $0.code < $1.code }
        let local = wards.enumerated().flatMap { index, ward -> [Agency] in
            let n = index + 1
            let suffix = "\(CivilDate.pad(30 + n / 100, 2)).\(CivilDate.pad(n % 100, 2)).H26"
            return [
                Agency(code: "000.\(suffix)", name: "Ủy ban nhân dân \(ward.name)", kind: "ubnd-xa",
                       unitKey: ward.key, parentCode: "000.00.00.H26"),
                Agency(code: "001.\(suffix)", name: "Công an \(ward.name)", kind: "cong-an-xa",
                       unitKey: ward.key, parentCode: "000.00.00.H26"),
            ]
        }
        return city + local
    }

    /// The announced days off and working days, and the province code they are for.
    public static func announcedDays() throws -> (province: String, days: [AnnouncedDay]) {
        let file = try resource("announced-days", as: AnnouncedDaysFile.self)
        return (file.province, file.days)
    }

    /// The demo catalog.
    public static func demoCatalog() throws -> [Procedure] {
        try resource("demo-catalog", as: CatalogFile.self).procedures
    }

    /// The demo's drawn processes (BPMN 2.0), by the code of the procedure each is for: the interlinked chains
    /// of Decree 63/2024.
    public static func demoProcesses() throws -> [(procedureCode: String, bpmn: Data)] {
        guard let folder = Bundle.module.url(forResource: "processes", withExtension: nil, subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/processes"])
        }
        let urls = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "bpmn" }
        return try urls.sorted { $0.lastPathComponent < $1.lastPathComponent }.map {
            ($0.deletingPathExtension().lastPathComponent, try Data(contentsOf: $0))
        }
    }

    private struct UnitsFile: Decodable {
        struct Ward: Decodable { let code: Int; let name: String; let type: String }
        struct District: Decodable { let code: Int; let name: String; let type: String; let wards: [Ward] }
        struct Current: Decodable { let wards: [Ward] }
        struct Legacy: Decodable { let districts: [District] }
        struct Conversion: Decodable { let old: Int; let new: [Int]; let partly: Bool }
        let current: Current
        let legacy: Legacy
        let conversion: [Conversion]
    }

    private struct AgenciesFile: Decodable { let agencies: [Agency] }
    private struct AnnouncedDaysFile: Decodable { let province: String; let days: [AnnouncedDay] }
}

/// Sổ danh mục JSON — the catalog file format for import and export: `{"procedures": [...]}`.
public struct CatalogFile: Codable, Sendable {
    public let procedures: [Procedure]

    public init(procedures: [Procedure]) { self.procedures = procedures }
}
