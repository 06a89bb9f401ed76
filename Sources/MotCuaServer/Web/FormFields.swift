import Foundation
import Hummingbird

/// Trường biểu mẫu — the fields of a posted HTML form (application/x-www-form-urlencoded), by name, for forms
/// whose fields are not known in advance (one line per document of a procedure).
struct FormFields {
    private let values: [String: String]

    /// Fields already read (the text fields of a multipart form).
    init(values: [String: String]) { self.values = values }

    init(_ encoded: String) {
        var values: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            values[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        self.values = values
    }

    /// The posted form, at most 64 KiB; a field holding U+0000 is refused (`refuseNUL`).
    static func read(_ request: Request) async throws -> FormFields {
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        try fields.refuseNUL()
        return fields
    }

    /// Refuses these fields if one's name or value holds U+0000: 422 naming it, on either database (PostgreSQL
    /// could not store it; SQLite would).
    func refuseNUL() throws {
        try Problem.refuseNUL(in: values)
    }

    /// The field's value without surrounding spaces ("" when absent).
    subscript(_ name: String) -> String { raw(name).trimmed }

    /// The field's value exactly as typed (a password).
    func raw(_ name: String) -> String { values[name] ?? "" }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// The field as a whole number, when it is one.
    func number(_ name: String) -> Int? { Int(self[name]) }
}
