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

    /// The version a dossier is bound to.
    func definition(for binding: ProcessBinding) async throws -> ProcessDefinition? {
        let cacheKey = "\(binding.key)#\(binding.version)"
        if let known = cache.withLock({ $0[cacheKey] }) { return known }
        guard let loaded = try await store.definition(key: binding.key, version: binding.version) else { return nil }
        cache.withLock { $0[cacheKey] = loaded }
        return loaded
    }
}
