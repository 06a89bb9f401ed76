import MotCuaCore
import SQLKit

/// Ghi kèm số thứ tự — writes that carry a number the register gives inside the same transaction: a new dossier's
/// code. `sequence` returns the number as `last`, `numbering` (Core's rule) makes the code of it, and `statements`
/// are the writes made with it, given what goes where the code does.
///
/// Every intake of an agency on a day takes the same row of the register and holds it until its transaction
/// commits. On PostgreSQL the whole write is therefore one statement, so that the row is held for that statement and
/// the COMMIT rather than for a network round trip per statement after it: the statements are made with the
/// placeholder, and each value holding it is rewritten to put the code in there (a code needs no escaping in JSON).
/// On SQLite, inside the writer's process, they are made with the code itself and run one after another.
struct NumberedWrite: Sendable {
    let sequence: BoundStatement
    let numbering: DossierCode.Numbering
    let placeholder: String
    let statements: @Sendable (_ code: String) -> [BoundStatement]

    /// The whole write as one PostgreSQL statement returning the code: the number and the code as the first two
    /// `WITH` parts — `numbering`'s rule in SQL — each statement a data-modifying part after them, its values holding
    /// the placeholder rewritten to put the code in. The parts see one snapshot, so no two may touch the same row.
    var together: BoundStatement {
        let code: BoundStatement = """
            SELECT \(bind: numbering.prefix) || lpad(last::text, greatest(\(raw: String(numbering.digits)), length(last::text)), '0') \
            AS code FROM motcua_number
            """
        let writes = statements(placeholder).map { $0.placing(placeholder, by: "(SELECT code FROM motcua_code)") }
        return .with([("motcua_number", sequence), ("motcua_code", code)] + BoundStatement.parts(writes), then: "SELECT code FROM motcua_code")
    }
}

extension SQLDatabase {
    /// Runs a numbered write (inside `Database.write`) and returns the code it gave: on PostgreSQL as one statement,
    /// on SQLite as the sequence and then each statement made with the code.
    func run(_ write: NumberedWrite) async throws -> String {
        if dialect.name == "postgresql" {
            guard let row = try await first(write.together) else { throw StoreError.noRowReturned("dossier_sequences") }
            return try row.decode(column: "code", as: String.self)
        }
        guard let row = try await first(write.sequence) else { throw StoreError.noRowReturned("dossier_sequences") }
        let code = write.numbering.code(try row.decode(column: "last", as: Int.self))
        for statement in write.statements(code) { try await run(statement) }
        return code
    }
}
