import Foundation
import MotCuaCore
import MotCuaStore
import Synchronization

/// Thư viện quy trình — the process versions dossiers run on, read once per server process: a saved version never
/// changes, so keeping it in memory is always correct, even with several servers on one database.
final class ProcessLibrary: Sendable {
    let store: ProcessStore
    private let cache = Mutex<[String: ProcessDefinition]>([:])

    init(database: Database) { store = ProcessStore(database: database) }

    /// One saved version.
    func definition(key: String, version: Int) async throws -> ProcessDefinition? {
        let cacheKey = "\(key)#\(version)"
        if let known = cache.withLock({ $0[cacheKey] }) { return known }
        guard let loaded = try await store.definition(key: key, version: version) else { return nil }
        cache.withLock { $0[cacheKey] = loaded }
        return loaded
    }
}
