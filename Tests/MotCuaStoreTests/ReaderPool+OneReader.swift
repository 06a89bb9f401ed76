import Foundation
import Logging
@testable import MotCuaStore

extension ReaderPool {
    /// A pool of one reader on a new SQLite file of the test's own, for `body`; closed and the file removed after.
    static func withOneReader<T>(_ body: (ReaderPool) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-readers-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pool = try ReaderPool(path: path, size: 1, logger: Logger(label: "test"))
        defer { pool.close() }
        return try await body(pool)
    }
}
