import Foundation
import MotCuaCore
import SQLKit

/// Nhật ký kiểm toán — the tamper-evident record of who did what: every case event and every security-relevant act
/// (sign-ins and refused sign-ins, account changes, an officer opening a citizen's dossier) kept, in the same
/// transaction as the act, and then sealed into one chain in which each entry carries the SHA-256 of the one before.
/// Changing, removing or reordering a sealed entry breaks the chain from there on; `verify` finds the first place
/// it breaks, and a head exported for safekeeping elsewhere (`head`) also shows a chain cut short at its end.
///
/// An act (`AuditAct`) is chained in its own transaction on SQLite. On PostgreSQL it is written as waiting
/// (`audit_pending`: one insert, no lock) and numbered and chained by `seal`, which each server runs every second
/// (`AuditSealer`) and the reads of the chain (`head`, `verify`, `entries(concerning:)`) run first, so they see every
/// act committed before them; numbering it in the act's own transaction locked the chain's head row until that
/// transaction ended, which made every write of every server wait for the one before it. The chain's order is the
/// order acts are chained in: on SQLite their commits' order; on PostgreSQL their sealing's, and an act is
/// tamper-evident from its sealing, about a second after it.
public struct AuditLog: Sendable {
    /// The actor of what an operator does at the command line (`motcua user add`, `motcua backup`).
    public static let commandLine = "dong-lenh"

    let database: Database

    public init(database: Database) { self.database = database }

    /// Một mục — one act: when, by whom (an officer's username, `cong-dan:` and a personal ID, or `he-thong`), what
    /// (`ho-so.tiep-nhan`, `dang-nhap`, …), on what (a dossier code, a username) and the rest worth keeping.
    public struct Entry: Sendable, Hashable, Codable {
        public let seq: Int
        public let at: Date
        public let actor: String
        public let action: String
        public let subject: String
        public let detail: String
        public let previousHash: String
        public let hash: String
    }

    /// Đầu chuỗi — the last entry's number and hash, to keep somewhere the database's administrators cannot reach.
    public struct Head: Sendable, Hashable, Codable {
        public let seq: Int
        public let hash: String
    }

    /// Where and why the chain does not hold.
    public struct Break: Sendable, Hashable, Error {
        public let seq: Int
        public let reason: String
    }

    static let genesis = String(repeating: "0", count: 64)

    /// Keeps an act inside the caller's transaction (`AuditAct`).
    public static func append(actor: String, action: String, subject: String, detail: String = "", at: Date,
                              in db: any SQLDatabase) async throws {
        try await keep(AuditAct(at: at, actor: actor, action: action, subject: subject, detail: detail), in: db)
    }

    /// Runs the statements that keep `act` on `db`, inside its transaction.
    static func keep(_ act: AuditAct, in db: any SQLDatabase) async throws {
        for statement in act.statements(for: db.dialect) { try await db.run(statement) }
    }

    /// Keeps an act in a transaction of its own — on PostgreSQL in one statement with others kept at once
    /// (`Database.insert`).
    public func record(actor: String, action: String, subject: String, detail: String = "", at: Date) async throws {
        let act = AuditAct(at: at, actor: actor, action: action, subject: subject, detail: detail)
        switch database.engine {
        case .postgres: try await database.insert(act.waiting)
        case .sqlite: try await database.write { db in try await Self.keep(act, in: db) }
        }
    }

    /// The SHA-256, in hex, of an entry's fields and the hash before it, as a JSON array of strings (unambiguous
    /// whatever they contain) in the bytes Foundation's `JSONEncoder` writes with its default options, which the
    /// chain has always been hashed over: quotes, backslashes and control characters escaped, and slashes as `\/`.
    static func hash(seq: Int, at: Int, actor: String, action: String, subject: String, detail: String, previous: String) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(256)
        for (index, field) in [String(seq), String(at), actor, action, subject, detail, previous].enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            JSONOutput.appendContents(of: field, to: &json, escapingSlashes: true)
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "]"))
        return SHA256Hex.of(json)
    }

    /// The head once every act waiting is sealed.
    public func head() async throws -> Head {
        try await seal()
        return try await storedHead()
    }

    private func storedHead() async throws -> Head {
        try await database.read { db in try await Self.storedHead(in: db) }
    }

    /// The head as stored, sealed acts only.
    static func storedHead(in db: any SQLDatabase) async throws -> Head {
        guard let row = try await db.first("SELECT seq, hash FROM audit_head WHERE id = 1") else { throw AuditLogMissing() }
        return Head(seq: try row.decode(column: "seq", as: Int.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// Entries from `after` on, at most `limit`, in order.
    public func entries(after seq: Int = 0, limit: Int = 1000) async throws -> [Entry] {
        try await database.read { db in
            try await db.raw("""
                SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log
                WHERE seq > \(bind: seq) ORDER BY seq LIMIT \(bind: limit)
                """).all().map(Self.entry)
        }
    }

    static func entry(_ row: any SQLRow) throws -> Entry {
        Entry(seq: try row.decode(column: "seq", as: Int.self), at: Date(epochSeconds: try row.decode(column: "at", as: Int.self)),
              actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
              subject: try row.decode(column: "subject", as: String.self), detail: try row.decode(column: "detail", as: String.self),
              previousHash: try row.decode(column: "prev_hash", as: String.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// The entries a citizen is the actor or the subject of, in order.
    public func entries(concerning personalId: String) async throws -> [Entry] {
        try await seal()
        return try await database.read { db in
            try await db.raw("""
                SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log
                WHERE actor = \(bind: CitizenStore.actor(personalId)) OR subject = \(bind: personalId) ORDER BY seq
                """).all().map(Self.entry)
        }
    }

    /// Walks the whole chain, a page at a time; returns how many entries hold, or throws the first break: an entry
    /// whose content no longer gives its hash (altered), a number missing (removed), an entry that does not follow
    /// the one before (reordered or removed and renumbered), a head that does not match the last entry, or an
    /// exported head (`expected`) the chain no longer reaches (cut short) or reaches with another hash.
    public func verify(expected: Head? = nil) async throws -> Int {
        try await seal()
        var previous = Self.genesis
        var last = 0
        while true {
            let page = try await entries(after: last)
            for entry in page {
                guard entry.seq == last + 1 else { throw Break(seq: last + 1, reason: "mục số \(last + 1) không còn (đã bị xóa)") }
                guard entry.previousHash == previous else {
                    throw Break(seq: entry.seq, reason: "mục số \(entry.seq) không nối tiếp mục trước (bị xóa, chèn hoặc đảo thứ tự)")
                }
                let computed = Self.hash(seq: entry.seq, at: entry.at.epochSeconds, actor: entry.actor, action: entry.action,
                                         subject: entry.subject, detail: entry.detail, previous: entry.previousHash)
                guard computed == entry.hash else { throw Break(seq: entry.seq, reason: "nội dung mục số \(entry.seq) đã bị sửa") }
                if let expected, entry.seq == expected.seq, entry.hash != expected.hash {
                    throw Break(seq: entry.seq, reason: "mục số \(entry.seq) khác với đầu chuỗi đã xuất")
                }
                (previous, last) = (entry.hash, entry.seq)
            }
            if page.isEmpty { break }
        }
        let head = try await storedHead()
        guard head.seq == last, head.hash == previous else {
            throw Break(seq: last + 1, reason: "đầu chuỗi ghi số \(head.seq) nhưng chuỗi dừng ở mục \(last) (mục cuối bị xóa hoặc sửa)")
        }
        if let expected, expected.seq > last {
            throw Break(seq: last + 1, reason: "chuỗi dừng ở mục \(last), trước đầu chuỗi đã xuất (mục \(expected.seq)): các mục cuối đã bị xóa")
        }
        return last
    }
}

/// The audit tables are missing: the database was not migrated.
struct AuditLogMissing: Error {}
