import Synchronization

/// Cấp số theo lượt — a server's numbered writes of one register (its intakes for an agency on a day) that come at
/// once on PostgreSQL, written as one statement per round (`Rounds`) instead of one each.
///
/// Each intake takes its register's row and holds it from its statement to its commit, so intakes of one agency
/// commit one after another; in a round the row is taken once for all of them, and their commit is one. A round runs
/// on the connection of the caller who starts it; when it fails (a key's answer already written, for one), each of
/// the others runs alone, so one bad write fails only its own caller. Only for writes that are each their own
/// transaction (`Database.writeAsOneStatement`): a round commits together what its callers wrote, which a caller with
/// a transaction still open could not answer for.
public final class NumberedWriteRounds: Sendable {
    /// The most writes in one statement: PostgreSQL takes at most 65,535 values in a statement, and an intake binds
    /// about a hundred.
    static let most = 64
    /// The most registers remembered; past it the memory starts again (a register is an agency's day).
    static let registersKept = 10_000

    /// A write and the connection of the request that asks for it.
    struct Member: Sendable {
        let write: NumberedWrite
        let db: PostgresStatementDatabase
    }

    /// How many writes went in how many statements so far.
    public struct Statistics: Sendable, Hashable {
        public var writes = 0
        public var statements = 0
    }

    /// The statistics, kept apart so that the rounds can count without holding on to this.
    private final class Tally: Sendable {
        let counts = Mutex(Statistics())
    }

    private let registers = Mutex<[String: Rounds<Member, String>]>([:])
    private let tally = Tally()

    var statistics: Statistics { tally.counts.withLock { $0 } }

    /// Runs `write` in the next round of its register, and returns its code.
    func run(_ write: NumberedWrite, on db: PostgresStatementDatabase) async throws -> String {
        let rounds = registers.withLock { registers in
            if let known = registers[write.register] { return known }
            if registers.count >= Self.registersKept { registers.removeAll() }
            let made = Rounds<Member, String>(most: Self.most) { [tally] members in
                let codes = try await members[0].db.runTogether(members.map(\.write))
                tally.counts.withLock { counts in
                    counts.writes += members.count
                    counts.statements += 1
                }
                return codes
            }
            registers[write.register] = made
            return made
        }
        return try await rounds.run(Member(write: write, db: db))
    }
}
