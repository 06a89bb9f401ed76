import Foundation
@testable import MotCuaServer
import MotCuaStore
import Testing

/// The kept files (`FileStore`): a file is read back whole under its checksum, a file changed on disk is not handed
/// out, and a disk that refuses a file is the system's trouble (503 with a time to retry), not the request's (500).
@Suite struct FileStoreTests {
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("motcua-kho-tep-\(UUID().uuidString)")
    }

    @Test func aKeptFileIsReadBackWholeAndAChangedOneIsNot() async throws {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FileStore(directory: folder.path)
        let bytes = Array("%PDF-1.7 tờ khai".utf8)
        let digest = try await store.put(bytes)
        #expect(try await store.put(bytes) == digest, "the same file twice is kept once, under the same name")
        #expect(try await store.bytes(sha256: digest) == bytes)
        try Data("%PDF-1.7 sửa".utf8).write(to: folder.appendingPathComponent(digest))
        #expect(try await store.bytes(sha256: digest) == nil, "a file whose bytes no longer match its checksum is not handed out")
    }

    @Test func aDiskThatRefusesAFileIsAnOutageNotAFault() async throws {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FileStore(directory: folder.path)
        try FileManager.default.removeItem(at: folder)
        try Data().write(to: folder)  // where the folder was, a file: nothing can be written under it
        do {
            _ = try await store.put(Array("%PDF-1.7".utf8))
            Issue.record("a file was kept where the disk refuses files")
        } catch {
            #expect(error is DiskRefused)
            #expect(DatabaseOutage.isOutage(error), "answered 503 with a time to retry, not 500")
        }
    }
}
