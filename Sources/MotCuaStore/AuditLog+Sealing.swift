import SQLKit

/// Niêm phong — how acts waiting (`audit_pending`: PostgreSQL's, and on SQLite any an earlier version of MotCua left)
/// are numbered and chained. Each batch is read and its hashes are worked out outside the write, by the task that
/// seals, while the batch before it is written; the write then only moves the head, inserts the entries and removes
/// the acts sealed, if the head is still the one the batch follows. So two sealers (several servers) never seal an
/// act twice: the one whose head moved writes nothing and starts again from the new head.
extension AuditLog {
    /// The most acts one sealing transaction takes.
    static let sealBatch = 500

    /// Lô niêm phong — acts waiting, numbered and chained after a head, ready to be written.
    struct SealingBatch: Sendable {
        /// The head the entries follow, and the one they leave.
        let follows: Head, leaves: Head
        let entries: [RowInsert]
        /// The waiting acts' numbers, in order.
        let pendingIDs: [Int]

        /// Whether the batch took as many acts as one may, so more may be waiting after it.
        var isFull: Bool { pendingIDs.count == AuditLog.sealBatch }
    }

    /// Numbers and chains every act waiting, in the order they were kept; returns how many. Safe from several
    /// servers at once.
    @discardableResult
    public func seal() async throws -> Int {
        var sealed = 0
        var next = try await database.read { db in try await Self.batch(after: nil, in: db) }
        while let batch = next {
            async let following: SealingBatch? = batch.isFull
                ? database.read { db in try await Self.batch(after: batch, in: db) } : nil
            let saved = try await database.write { db in try await Self.save(batch, in: db) }
            if saved {
                sealed += batch.pendingIDs.count
                next = try await following
            } else {
                _ = try? await following
                next = try await database.read { db in try await Self.batch(after: nil, in: db) }
            }
        }
        return sealed
    }

    /// The acts waiting after `previous` (from the first, after the stored head, when nil), chained after the head
    /// `previous` leaves; nil when none is waiting.
    static func batch(after previous: SealingBatch?, in db: any SQLDatabase) async throws -> SealingBatch? {
        let head = if let previous { previous.leaves } else { try await storedHead(in: db) }
        let waiting = try await db.all("""
            SELECT id, at, actor, action, subject, detail FROM audit_pending WHERE id > \(bind: previous?.pendingIDs.last ?? 0)
            ORDER BY id LIMIT \(bind: sealBatch)
            """)
        guard !waiting.isEmpty else { return nil }
        var (seq, previousHash) = (head.seq, head.hash)
        var entries: [RowInsert] = []
        var pendingIDs: [Int] = []
        entries.reserveCapacity(waiting.count)
        pendingIDs.reserveCapacity(waiting.count)
        for row in waiting {
            let at = try row.decode(column: "at", as: Int.self)
            let actor = try row.decode(column: "actor", as: String.self), action = try row.decode(column: "action", as: String.self)
            let subject = try row.decode(column: "subject", as: String.self), detail = try row.decode(column: "detail", as: String.self)
            seq += 1
            let hash = Self.hash(seq: seq, at: at, actor: actor, action: action, subject: subject, detail: detail, previous: previousHash)
            entries.append(RowInsert(head: "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)", values: """
                \(bind: seq), \(bind: at), \(bind: actor), \(bind: action), \(bind: subject), \(bind: detail), \(bind: previousHash),
                \(bind: hash)
                """))
            previousHash = hash
            pendingIDs.append(try row.decode(column: "id", as: Int.self))
        }
        return SealingBatch(follows: head, leaves: Head(seq: seq, hash: previousHash), entries: entries, pendingIDs: pendingIDs)
    }

    /// Writes a batch if the stored head is still the one it follows (on PostgreSQL the head's row stays locked until
    /// the transaction ends, so a second sealer waits, then finds it moved); returns false, having written nothing,
    /// if it is not.
    static func save(_ batch: SealingBatch, in db: any SQLDatabase) async throws -> Bool {
        guard try await db.changedARow("""
            UPDATE audit_head SET seq = \(bind: batch.leaves.seq), hash = \(bind: batch.leaves.hash)
            WHERE id = 1 AND seq = \(bind: batch.follows.seq)
            """) else { return false }
        // On PostgreSQL one statement for the batch (sealBatch × 8 values), not a round trip per entry.
        try await db.insertRows(batch.entries)
        // Exactly the acts sealed: on PostgreSQL one with a smaller number may have committed since they were read.
        try await db.raw("DELETE FROM audit_pending WHERE id IN (\(binds: batch.pendingIDs))").run()
        return true
    }
}
