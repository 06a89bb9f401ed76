import Foundation
import MotCuaCore
import MotCuaStore

/// Kho tệp — the files citizens upload, kept on disk under the data directory, each under its SHA-256 (the same
/// file twice is kept once; a file can be checked against its name at any time). A file is written to a temporary
/// name, flushed to disk and renamed, so one whose checksum a dossier records is whole, even after a crash. Every
/// touch of the disk runs off Swift's shared pool, under the request's deadline (`BlockingWork`); a disk that
/// refuses a file (full, failing) is answered 503 (`DiskRefused`), as the database's own would be.
struct FileStore: Sendable {
    let directory: URL

    init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    /// Checks an uploaded file (`UploadRules`) and keeps it as the file of a document; throws the problem, named
    /// by `field`, when it cannot be attached.
    func keep(_ upload: MultipartForm.File, field: String, documentIndex: Int, documentName: String) async throws -> AttachedFile {
        if let problem = UploadRules.problem(field: field, fileName: upload.fileName, bytes: upload.bytes) { throw problem }
        return AttachedFile(documentIndex: documentIndex, documentName: documentName, fileName: String(upload.fileName.prefix(200)),
                            mediaType: UploadRules.mediaType(of: upload.bytes) ?? .pdf, size: upload.bytes.count,
                            sha256: try await put(upload.bytes))
    }

    /// Keeps the bytes and returns their SHA-256 (hex).
    func put(_ bytes: [UInt8]) async throws -> String {
        try await BlockingWork.run {
            do { return try write(bytes) } catch { throw DiskRefused(error) }
        }
    }

    private func write(_ bytes: [UInt8]) throws -> String {
        let digest = SHA256Hex.of(bytes)
        let target = url(of: digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        let temporary = directory.appendingPathComponent(".\(digest).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
            // rename(2) puts the whole file in place at once (the same content twice: either one will do).
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            // The folder's new entry is made durable too: a power cut after the answer keeps the file's name.
            try DurableFile.flush(directory.path)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return digest
    }

    /// The bytes kept under `sha256`, if they are there and still match it.
    func bytes(sha256: String) async throws -> [UInt8]? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        let path = url(of: sha256).path
        return try await BlockingWork.run {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return SHA256Hex.of(data) == sha256 ? [UInt8](data) : nil
        }
    }

    /// Removes the kept files whose checksums are not in `referenced` and that were last written before `cutoff`;
    /// returns how many went. (Temporary files of writes under way start with a dot and are left alone.)
    func removeUnreferenced(keeping referenced: Set<String>, olderThan cutoff: Date) async throws -> Int {
        try await BlockingWork.run { try removeFiles(notIn: referenced, olderThan: cutoff) }
    }

    private func removeFiles(notIn referenced: Set<String>, olderThan cutoff: Date) throws -> Int {
        var removed = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name.count == 64 && !name.hasPrefix(".") && !referenced.contains(name) {
            let url = url(of: name)
            guard let written = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
                  written < cutoff else { continue }
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return removed
    }

    private func url(of sha256: String) -> URL { directory.appendingPathComponent(sha256) }
}
