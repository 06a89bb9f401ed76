import Crypto
import Foundation

/// Kho tệp — the files citizens upload, kept on disk under the data directory, each under its SHA-256 (the same
/// file twice is kept once; a file can be checked against its name at any time). A file is written to a temporary
/// name, flushed to disk and renamed, so one whose checksum a dossier records is whole, even after a crash.
struct FileStore: Sendable {
    let directory: URL

    init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    /// Keeps the bytes and returns their SHA-256 (hex).
    func put(_ bytes: [UInt8]) throws -> String {
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let target = url(of: digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        let temporary = directory.appendingPathComponent(".\(digest).\(UUID().uuidString).tmp")
        FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
            // rename(2) puts the whole file in place at once (the same content twice: either one will do).
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            try syncDirectory()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return digest
    }

    /// The bytes kept under `sha256`, if they are there and still match it.
    func bytes(sha256: String) throws -> [UInt8]? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit),
              let data = FileManager.default.contents(atPath: url(of: sha256).path) else { return nil }
        let bytes = [UInt8](data)
        let actual = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return actual == sha256 ? bytes : nil
    }

    private func url(of sha256: String) -> URL { directory.appendingPathComponent(sha256) }

    /// Makes the directory's new entry durable too (a power cut after the answer keeps the file's name).
    private func syncDirectory() throws {
        let descriptor = open(directory.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
