import Foundation
import MotCuaCore

/// Nhập danh mục — a catalog file read and checked whole, for the command line and the control office's page:
/// JSON `{"procedures": [...]}` or CSV (`CatalogCSV`); the first problem found names its place, and then nothing
/// is imported.
public enum CatalogImport {
    public static func procedures(from data: Data, csv: Bool) throws(FieldProblem) -> [Procedure] {
        if csv { return try CatalogCSV.parse(String(decoding: data, as: UTF8.self)) }
        let procedures: [Procedure]
        do {
            procedures = try JSONDecoder().decode(CatalogFile.self, from: data).procedures
        } catch {
            throw FieldProblem(field: "file", message: "Tệp JSON không đúng dạng {\"procedures\": [...]} của danh mục: \(error.localizedDescription)")
        }
        if let problem = CatalogRules.problem(inCatalog: procedures, place: { "procedures[\($0)]" }) { throw problem }
        return procedures
    }

    /// The catalog as a file: JSON (pretty, keys sorted) or CSV.
    public static func file(_ procedures: [Procedure], csv: Bool) throws -> Data {
        if csv { return Data(CatalogCSV.render(procedures).utf8) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(CatalogFile(procedures: procedures))
    }
}
