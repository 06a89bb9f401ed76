import Crypto
import Foundation
import MotCuaCore

/// Dấu vân tay SHA-256 — the lowercase hex SHA-256 of bytes, as tokens and request bodies are fingerprinted.
public enum SHA256Hex {
    public static func of(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).withUnsafeBytes { Hex.encode($0) }
    }
}
