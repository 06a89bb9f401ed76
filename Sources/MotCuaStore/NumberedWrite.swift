import MotCuaCore
import SQLKit

/// Ghi kèm số thứ tự — writes that carry a number the register gives inside the same transaction: a new dossier's
/// code. `sequence` returns the number as `last`, `numbering` (Core's rule) makes the code of it, and `statements`
/// are the writes made with it, given what goes where the code does.
///
/// Every intake of an agency on a day takes the same row of the register and holds it until its transaction
/// commits. On PostgreSQL the whole write is therefore one statement, so that the row is held for that statement and
/// the COMMIT rather than for a network round trip per statement after it: the statements are made with the
/// placeholder, and each value holding it is rewritten to put the code in there (a code needs no escaping in JSON);
/// and writes of one register that come at once go in one statement, so that the row is taken once for them all.
/// On SQLite, inside the writer's process, they are made with the code itself and run one after another.
struct NumberedWrite: Sendable {
    /// The register's statement that takes its next `count` numbers, returning the last of them as `last`.
    let sequence: @Sendable (_ count: Int) -> BoundStatement
    let numbering: DossierCode.Numbering
    let placeholder: String
    let statements: @Sendable (_ code: String) -> [BoundStatement]

    /// Writes of one register as one PostgreSQL statement returning their codes in order: the numbers and the codes
    /// as the first two `WITH` parts — `numbering`'s rule in SQL — then each write's statements as data-modifying
    /// parts, their values holding its placeholder rewritten to put its code in. The parts see one snapshot, so no
    /// two may touch the same row.
    static func together(_ writes: [NumberedWrite]) -> BoundStatement {
        let numbering = writes[0].numbering, count = String(writes.count)
        let number = "(last - \(count) + k)::text"
        let codes: BoundStatement = """
            SELECT k, \(bind: numbering.prefix) || lpad(\(raw: number), greatest(\(raw: String(numbering.digits)), length(\(raw: number))), '0') \
            AS code FROM motcua_number, generate_series(1, \(raw: count)) AS k
            """
        let parts = writes.enumerated().flatMap { index, write in
            write.statements(write.placeholder).map { $0.placing(write.placeholder, by: "(SELECT code FROM motcua_codes WHERE k = \(index + 1))") }
        }
        return .with([("motcua_number", writes[0].sequence(writes.count)), ("motcua_codes", codes)] + BoundStatement.parts(parts),
                     then: "SELECT code FROM motcua_codes ORDER BY k")
    }
}

extension SQLDatabase {
    /// Runs a numbered write (inside `Database.write`, or as `Database.writeAsOneStatement`'s one statement) and
    /// returns the code it gave: on PostgreSQL as one statement — with others of its register that came at once
    /// when the statement is its own transaction (`PostgresRounds`) — on SQLite as the sequence and then each
    /// statement made with the code.
    func run(_ write: NumberedWrite) async throws -> String {
        if dialect.name == "postgresql" {
            if let rounds { return try await rounds.run(write, on: self) }
            return try await runTogether([write])[0]
        }
        guard let row = try await first(write.sequence(1)) else { throw StoreError.noRowReturned("dossier_sequences") }
        let code = write.numbering.code(try row.decode(column: "last", as: Int.self))
        for statement in write.statements(code) { try await run(statement) }
        return code
    }

    /// Runs numbered writes of one register as one PostgreSQL statement and returns their codes in order.
    func runTogether(_ writes: [NumberedWrite]) async throws -> [String] {
        try await all(NumberedWrite.together(writes)).map { try $0.decode(column: "code", as: String.self) }
    }
}
