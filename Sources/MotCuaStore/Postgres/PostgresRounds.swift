import SQLKit
import Synchronization

/// Lượt ghi trên PostgreSQL — writes of a server's requests that come at once, each of which would be a statement and
/// a commit of its own, written as one statement per round (`Rounds`) instead.
///
/// - A new dossier's numbered write (`numbered`), by register (an agency's day): each takes the register's row and
///   holds it from its statement to its commit, so one agency's intakes commit one after another; in a round the row
///   is taken once for all of them.
/// - A row kept alone (`inserted`), by table: an act recorded in the audit trail, an officer opening a dossier among
///   them — a round trip and a commit for every dossier looked at.
///
/// A round runs on the connection of the request that starts it. When it fails (a key's answer already written, for
/// one), nothing of it stays and each write in it runs again alone, so one bad write fails only its own request. Only
/// for writes that are each their own transaction (`Database.writeAsOneStatement`): a round commits together what its
/// requests wrote, which a request with a transaction still open could not answer for.
public final class PostgresRounds: Sendable {
    /// The most writes in one statement: PostgreSQL takes at most 65,535 values in a statement, and an intake binds
    /// about a hundred.
    static let most = 64

    /// How many writes went in how many statements so far.
    public struct Counts: Sendable, Hashable {
        public var writes = 0
        public var statements = 0

        mutating func add(_ writes: Int) {
            self.writes += writes
            statements += 1
        }
    }

    /// The counts of numbered writes and of rows kept alone.
    public struct Statistics: Sendable, Hashable {
        public var numbered = Counts()
        public var inserted = Counts()
    }

    /// The statistics, kept apart so that the rounds can count without holding on to this.
    private final class Tally: Sendable {
        let counts = Mutex(Statistics())
    }

    /// A write and the connection of the request that asks for it.
    struct OnConnection<Write: Sendable>: Sendable {
        let write: Write
        let db: any SQLDatabase
    }

    private let tally = Tally()
    private let numbered: KeyedRounds<OnConnection<NumberedWrite>, String>
    private let inserted: KeyedRounds<OnConnection<RowInsert>, Void>

    init() {
        numbered = KeyedRounds(most: Self.most) { [tally] writes in
            let codes = try await writes[0].db.runTogether(writes.map(\.write))
            tally.counts.withLock { $0.numbered.add(writes.count) }
            return codes
        }
        inserted = KeyedRounds(most: Self.most) { [tally] inserts in
            try await inserts[0].db.run(RowInsert.together(inserts.map(\.write)))
            tally.counts.withLock { $0.inserted.add(inserts.count) }
            return inserts.map { _ in () }
        }
    }

    var statistics: Statistics { tally.counts.withLock { $0 } }

    /// Runs `write` in the next round of its register (one per code prefix: an agency's day), and returns its code.
    func run(_ write: NumberedWrite, on db: any SQLDatabase) async throws -> String {
        try await numbered.run(OnConnection(write: write, db: db), key: write.numbering.prefix)
    }

    /// Inserts `row` in the next round of its table.
    func insert(_ row: RowInsert, on db: any SQLDatabase) async throws {
        try await inserted.run(OnConnection(write: row, db: db), key: row.head.sqlite)
    }
}

/// Lượt theo khoá — `Rounds` per key (a register, a table), each made the first time its key is asked for.
final class KeyedRounds<Input: Sendable, Output: Sendable>: Sendable {
    /// The most keys remembered; past it the memory starts again (a register is an agency's day).
    static var kept: Int { 10_000 }

    private let most: Int
    private let round: @Sendable ([Input]) async throws -> [Output]
    private let all = Mutex<[String: Rounds<Input, Output>]>([:])

    init(most: Int, _ round: @escaping @Sendable ([Input]) async throws -> [Output]) {
        self.most = most
        self.round = round
    }

    func run(_ input: Input, key: String) async throws -> Output {
        let rounds = all.withLock { all in
            if let known = all[key] { return known }
            if all.count >= Self.kept { all.removeAll() }
            let made = Rounds(most: most, round)
            all[key] = made
            return made
        }
        return try await rounds.run(input)
    }
}
