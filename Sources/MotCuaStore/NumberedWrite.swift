import MotCuaCore
import SQLKit

/// Ghi kèm số thứ tự — writes that carry a number the register gives inside the same transaction, such as a new
/// dossier's code: `sequence` returns the number as `last`, the code is `prefix` and the number zero-padded to
/// `digits` at least, and `statements` are the writes made with it, given what goes where the code does.
///
/// Every intake of an agency on a day takes the same row of the register and holds it until its transaction
/// commits. On PostgreSQL the whole write is therefore one statement, so that the row is held for that statement and
/// the COMMIT rather than for a network round trip per statement after it: the statements are made with the
/// placeholder, and each value holding it is rewritten to put the code in there (a code needs no escaping in JSON).
/// On SQLite, inside the writer's process, they are made with the code itself and run one after another.
struct NumberedWrite: Sendable {
    let sequence: BoundStatement
    let prefix: String
    let digits: Int
    let placeholder: String
    let statements: @Sendable (_ code: String) -> [BoundStatement]

    /// The code the register's number `number` gives.
    func code(_ number: Int) -> String { prefix + CivilDate.pad(number, digits) }

    /// The whole write as one PostgreSQL statement returning the code: the number and the code as the first two
    /// `WITH` parts, each statement a data-modifying part after them, its values holding the placeholder rewritten
    /// to put the code in. The parts see one snapshot, so no two of them may touch the same row.
    var together: BoundStatement {
        var combined: BoundStatement = "WITH motcua_number AS ("
        combined.append(sequence)
        combined.append("""
            ), motcua_code AS (SELECT \(bind: prefix) || lpad(last::text, greatest(\(raw: String(digits)), length(last::text)), '0') \
            AS code FROM motcua_number)
            """)
        for (index, statement) in statements(placeholder).enumerated() {
            combined.append(", motcua_part_\(raw: String(index)) AS (")
            combined.append(statement.placing(placeholder, by: "(SELECT code FROM motcua_code)"))
            combined.append(")")
        }
        combined.append(" SELECT code FROM motcua_code")
        return combined
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
        let code = write.code(try row.decode(column: "last", as: Int.self))
        for statement in write.statements(code) { try await run(statement) }
        return code
    }
}
