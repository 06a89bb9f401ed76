import MotCuaCore
import Synchronization

/// Hồ sơ vừa ghi — the dossiers this server's writer committed last, each as its last committed write left it:
/// what the next step of a dossier is worked out from without reading it back (docs/STEP-JOURNAL.md, stage 3).
///
/// Kept on SQLite only, whose one writer connection is this server's (`GroupCommit`). A write notes the dossier it
/// leaves (`written`); the writer takes what each write noted once the write has run (`takeWritten`), and the task
/// that wrote it keeps it once the batch's COMMIT has returned (`keep`): nothing here was rolled back, and of two
/// versions of a dossier kept in another order than committed, the later stands. A dossier moved by another
/// process on the same file (a command run beside the server) is stale here; a step worked out from it is refused
/// by the save's version check and worked out again from the database, as any stale draft is. On PostgreSQL,
/// where other servers write, nothing is kept and every step reads the dossier. Past `capacity` dossiers the
/// memory starts again.
final class CommittedDossiers: Sendable {
    private let capacity: Int
    private let state = Mutex<(kept: [String: Dossier], written: [Dossier])>(([:], []))

    init(capacity: Int = 4_096) { self.capacity = capacity }

    /// The dossier under `code` as last committed, if it is held.
    func dossier(code: String) -> Dossier? {
        state.withLock { $0.kept[code] }
    }

    /// Notes, during a write on the writer's connection, the dossier as the write leaves it.
    func written(_ dossier: Dossier) {
        state.withLock { $0.written.append(dossier) }
    }

    /// What the write that just ran noted, to keep if its batch commits; nothing is left noted.
    func takeWritten() -> [Dossier] {
        state.withLock { state in
            defer { state.written.removeAll() }
            return state.written
        }
    }

    /// Keeps dossiers whose writes were committed, unless a later version of one is kept already.
    func keep(_ dossiers: [Dossier]) {
        guard !dossiers.isEmpty else { return }
        state.withLock { state in
            for dossier in dossiers {
                if let held = state.kept[dossier.code] {
                    if held.state.version > dossier.state.version { continue }
                } else if state.kept.count >= capacity {
                    state.kept.removeAll(keepingCapacity: true)
                }
                state.kept[dossier.code] = dossier
            }
        }
    }
}
