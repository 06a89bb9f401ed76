import Foundation
import MotCuaCore
import Synchronization

/// Dòng đã đọc — values already decoded from their stored JSON, by key and by the exact text they were decoded
/// from: a row whose text is the same gives the same value without decoding it again, and a row changed by any
/// server has other text, so nothing stale is ever returned. A value just written is remembered with the text
/// written (`remember`), so the next read of it — the next step of the same dossier — decodes nothing; a write
/// that is rolled back leaves text no row holds, which no read matches. One per kind per process, holding the last
/// `capacity` values remembered (`BoundedMemory`).
final class DecodedRows<Value: Decodable & Sendable>: Sendable {
    private let decode: @Sendable (String) throws -> Value
    private let known: Mutex<BoundedMemory<String, (text: StoredText, value: Value)>>

    /// The text a value was stored as: the text itself, JSON written with a placeholder and the value it holds
    /// there (a dossier received: its code came after its text was written out), or text stored before and more
    /// after it (a dossier's step: its patch after the dossier's text).
    private indirect enum StoredText: Sendable {
        case text(String)
        case template(JSONTemplate, filledWith: String)
        case extended(StoredText, suffix: String)

        /// Whether two texts hold the same bytes, compared as bytes, not as Unicode text, which would first
        /// normalise Vietnamese letters (text the same but for its normalisation is decoded again: never stale).
        static func sameBytes(_ text: Substring, _ other: String) -> Bool {
            var text = text, other = other
            return text.withUTF8 { left in other.withUTF8 { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            } }
        }

        func isSame(as text: Substring) -> Bool {
            switch self {
            case .text(let stored):
                return Self.sameBytes(text, stored)
            case .template(let template, let value):
                return template.matches(text, filledWith: value)
            case .extended(let base, let suffix):
                guard text.utf8.count >= suffix.utf8.count else { return false }
                let cut = text.utf8.index(text.utf8.endIndex, offsetBy: -suffix.utf8.count)
                return Self.sameBytes(text[cut...], suffix) && base.isSame(as: text[..<cut])
            }
        }
    }

    /// Values are decoded by `decode` from their text (a value's JSON, unless told otherwise).
    init(capacity: Int, decode: @escaping @Sendable (String) throws -> Value = { try JSONColumn.decode(Value.self, from: $0) }) {
        known = Mutex(BoundedMemory(capacity: capacity))
        self.decode = decode
    }

    /// The value `text` holds, decoded only if `key` was last seen with other text.
    func value(key: String, text: String) throws -> Value {
        if let known = known.withLock({ $0.values[key] }), known.text.isSame(as: text[...]) { return known.value }
        let value = try decode(text)
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

    /// Remembers `value` as stored in the text remembered for `key` with `suffix` after it — if what is remembered
    /// for `key` is what `holds` accepts (the value it follows); otherwise leaves the memory as it is.
    func extend(key: String, ifHolding holds: (Value) -> Bool, with suffix: String, as value: Value) {
        // What the lock's body returns is what is let go of, dropped once the lock is released.
        _ = known.withLock { known -> (text: StoredText, value: Value)? in
            guard let before = known.values[key], holds(before.value) else { return nil }
            return known.hold((.extended(before.text, suffix: suffix), value), forKey: key)
        }
    }

    private func remember(_ value: Value, key: String, stored: StoredText) {
        // What the lock's body returns is what is let go of, dropped once the lock is released.
        _ = known.withLock { $0.hold((stored, value), forKey: key) }
    }
}

/// The kinds of rows kept decoded: procedures (the catalog, a few thousand) and dossiers (those being worked on).
enum Decoded {
    static let procedures = DecodedRows<Procedure>(capacity: 10_000)
    /// A dossier's text is a few kilobytes: 4,096 of them stay within a few tens of megabytes. Its stored text is
    /// its whole text and the patches after it (`DossierStore.decodeStored`).
    static let dossiers = DecodedRows<Dossier>(capacity: 4_096, decode: DossierStore.decodeStored)
}
