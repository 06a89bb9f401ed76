import Crypto
import Foundation
import MotCuaCore

/// Dấu vân tay SHA-256 — the lowercase hex SHA-256 of bytes, as tokens and request bodies are fingerprinted.
/// Inlinable, so each caller's bytes are hashed as their own type: unspecialised, `DataProtocol`'s regions and the
/// digest's bytes were walked through witness tables, which cost more than the hash itself.
public enum SHA256Hex {
    @inlinable
    public static func of(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).withUnsafeBytes { Hex.encode($0) }
    }

    /// The fingerprint of a text's UTF-8, hashed where the string keeps it (no copy into `Data` first).
    @inlinable
    public static func of(utf8 text: String) -> String {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of a file's content, read a mebibyte at a time (a database of gigabytes is never held whole).
    public static func ofFile(at path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().withUnsafeBytes { Hex.encode($0) }
    }
}
