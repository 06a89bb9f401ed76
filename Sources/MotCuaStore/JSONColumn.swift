import Foundation
import MotCuaCore

/// Cột JSON — how whole values (a procedure, a dossier) are kept in a TEXT column: sorted keys, instants as seconds since 1970,
/// so the same value is always stored as the same text on both engines.
enum JSONColumn {
    /// One coder each, made once: their options never change after this, and they may encode and decode from
    /// several tasks at once.
    private static let encoder = SortedJSONEncoder(dates: .secondsSince1970)

    private static let decoder = TreeJSONDecoder(dates: .secondsSince1970)

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try bytes(of: value), as: UTF8.self)
    }

    static func bytes(of value: some Encodable) throws -> [UInt8] {
        try encoder.bytes(of: value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: text)
    }

    /// Decodes the UTF-8 text in `bytes` (a part of a larger text, read in place).
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        try decoder.decode(type, from: bytes)
    }
}

extension Date {
    /// Whole seconds since 1970, as instants are stored.
    var epochSeconds: Int { Int(timeIntervalSince1970.rounded(.down)) }

    init(epochSeconds: Int) { self.init(timeIntervalSince1970: TimeInterval(epochSeconds)) }
}
