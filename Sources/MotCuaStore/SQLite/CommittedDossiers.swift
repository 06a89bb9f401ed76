import MotCuaCore
import Synchronization

/// Hồ sơ vừa ghi — the dossiers this server's writer committed last, each as its last committed write left it:
/// what the next step of a dossier is worked out from without reading it back (docs/STEP-JOURNAL.md, stage 3).
///
/// Kept on SQLite only, whose one writer connection is this server's (`GroupCommit`). A write keeps the dossier it
/// leaves once its batch's COMMIT has returned (`DirectSQLDatabase.afterCommit`): nothing here was rolled back, and
/// of two versions of a dossier kept in another order than committed, the later stands. A dossier moved by another
/// process on the same file (a command run beside the server) is stale here; a step worked out from it is refused
/// by the save's version check and worked out again from the database, as any stale draft is. On PostgreSQL,
/// where other servers write, nothing is kept and every step reads the dossier. The last `capacity` dossiers kept
/// are held (`BoundedMemory`).
final class CommittedDossiers: Sendable {
    private let kept: Mutex<BoundedMemory<String, Dossier>>

    init(capacity: Int = 4_096) { kept = Mutex(BoundedMemory(capacity: capacity)) }

    /// The dossier under `code` as last committed, if it is held.
    func dossier(code: String) -> Dossier? {
        kept.withLock { $0.values[code] }
    }

    /// Keeps a dossier whose write was committed, unless a later version of it is kept already. The version held is
    /// read where it is, not copied out with the whole dossier, and what is let go of (the version replaced, or the
    /// dossier kept longest ago) is freed after the lock, not under it.
    func keep(_ dossier: Dossier) {
        // What the lock's body returns is what is let go of, dropped once the lock is released.
        _ = kept.withLock { kept -> Dossier? in
            if let heldVersion = kept.values[dossier.code]?.state.version, heldVersion > dossier.state.version { return nil }
            return kept.hold(dossier, forKey: dossier.code)
        }
    }
}
