import Foundation
import Synchronization

/// Bản JSON chờ điền — JSON written before one of its text values is known, with a placeholder wherever that value
/// goes; `filled(with:)` puts the value in its places.
///
/// A new dossier's code comes from the register's sequence, which is taken inside the write transaction; the dossier
/// and its answer are written out before it with a placeholder code, so the writer's thread only copies bytes. The
/// placeholder holds bits drawn at random (`JSONTemplate.placeholder()`), so no text anyone sends can contain it.
public struct JSONTemplate: Sendable {
    /// The JSON with the placeholder in it.
    let bytes: [UInt8]
    /// Where each copy of the placeholder starts in `bytes`, in order.
    let holes: [Int]
    let placeholderLength: Int

    /// `bytes` with every copy of `placeholder` (which must need no escaping in JSON) marked as a hole.
    public init(_ bytes: [UInt8], placeholder: String) {
        let pattern = Array(placeholder.utf8)
        precondition(!pattern.isEmpty && pattern.allSatisfy(Self.needsNoEscape), "a placeholder is plain text")
        self.bytes = bytes
        placeholderLength = pattern.count
        holes = Self.occurrences(of: pattern, in: bytes)
    }

    /// A new placeholder, different from every other and from any text sent to MotCua: 128 random bits drawn once
    /// per process (they never leave it: every placeholder is filled before anything is stored or sent) and a
    /// count. Drawing fresh bits for each one was a `getrandom` call per intake; Foundation's `UUID()` before it
    /// opened, read and closed /dev/urandom each time, 2 % of the server's time under intake load.
    public static func placeholder() -> String {
        "chua-cap-ma-\(processBits)-\(issued.add(1, ordering: .relaxed).newValue)"
    }

    private static let processBits: String = {
        var random = SystemRandomNumberGenerator()
        let bits = (random.next() as UInt64, random.next() as UInt64)
        return withUnsafeBytes(of: bits) { Hex.encode($0) }
    }()

    private static let issued = Atomic(0)

    /// The JSON with `value` in every hole, escaped as JSON escapes text.
    public func filled(with value: String) -> [UInt8] {
        let escaped = JSONOutput.escapedContents(of: value)
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count + holes.count * (escaped.count - placeholderLength))
        var from = 0
        for hole in holes {
            filled.append(contentsOf: bytes[from..<hole])
            filled.append(contentsOf: escaped)
            from = hole + placeholderLength
        }
        filled.append(contentsOf: bytes[from...])
        return filled
    }

    /// Whether `text` is what `filled(with: value)` gives, compared piece by piece without writing it out.
    /// A part of a longer text (`Substring`) is read where it lies, not copied.
    public func matches(_ text: some StringProtocol, filledWith value: String) -> Bool {
        let escaped = JSONOutput.escapedContents(of: value)
        let check = { (text: UnsafeBufferPointer<UInt8>) -> Bool in
            guard text.count == bytes.count + holes.count * (escaped.count - placeholderLength) else { return false }
            var at = 0, from = 0
            for hole in holes {
                guard text[at..<at + hole - from].elementsEqual(bytes[from..<hole]),
                      text[at + hole - from..<at + hole - from + escaped.count].elementsEqual(escaped) else { return false }
                at += hole - from + escaped.count
                from = hole + placeholderLength
            }
            return text[at...].elementsEqual(bytes[from...])
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? Array(text.utf8).withUnsafeBufferPointer(check)
    }

    private static func needsNoEscape(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in pattern.withUnsafeBufferPointer { bytes.offsets(of: $0) } }
    }
}
