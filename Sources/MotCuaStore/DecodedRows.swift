import Foundation
import MotCuaCore
import Synchronization

/// Dòng đã đọc — values already decoded from their stored JSON, by key and by the exact text they were decoded
/// from: a row whose text is the same gives the same value without decoding it again, and a row changed by any
/// server has other text, so nothing stale is ever returned. A value just written is remembered with the text
/// written (`remember`), so the next read of it — the next step of the same dossier — decodes nothing; a write
/// that is rolled back leaves text no row holds, which no read matches. One per kind per process; past
/// `capacity` values the memory starts again.
final class DecodedRows<Value: Decodable & Sendable>: Sendable {
    private let capacity: Int
    private let known = Mutex<[String: (text: StoredText, value: Value)]>([:])

    /// The text a value was stored as: the text itself, or JSON written with a placeholder and the value it holds
    /// there (a dossier received: its code came after its text was written out).
    private enum StoredText: Sendable {
        case text(String)
        case template(JSONTemplate, filledWith: String)

        func isSame(as text: String) -> Bool {
            switch self {
            case .text(let stored): stored == text
            case .template(let template, let value): template.matches(text, filledWith: value)
            }
        }
    }

    init(capacity: Int) { self.capacity = capacity }

    /// The value `text` holds, decoded only if `key` was last seen with other text.
    func value(key: String, text: String) throws -> Value {
        if let known = known.withLock({ $0[key] }), known.text.isSame(as: text) { return known.value }
        let value = try JSONColumn.decode(Value.self, from: text)
        remember(value, key: key, text: text)
        return value
    }

    /// Remembers a value with the text it was stored as.
    func remember(_ value: Value, key: String, text: String) {
        remember(value, key: key, stored: .text(text))
    }

    /// Remembers a value stored as `template` with `filler` in its holes, without writing that text out.
    func remember(_ value: Value, key: String, template: JSONTemplate, filledWith filler: String) {
        remember(value, key: key, stored: .template(template, filledWith: filler))
    }

    private func remember(_ value: Value, key: String, stored: StoredText) {
        known.withLock { known in
            if known.count >= capacity, known[key] == nil { known.removeAll(keepingCapacity: true) }
            known[key] = (stored, value)
        }
    }
}

/// The kinds of rows kept decoded: procedures (the catalog, a few thousand) and dossiers (those being worked on).
enum Decoded {
    static let procedures = DecodedRows<Procedure>(capacity: 10_000)
    /// A dossier's text is a few kilobytes: 4,096 of them stay within a few tens of megabytes.
    static let dossiers = DecodedRows<Dossier>(capacity: 4_096)
}
