import Foundation
import MotCuaCore
import SQLKit

/// Sổ ủy quyền — the delegation decisions: recorded once each (checked against the others of the same agency in
/// the same transaction), revoked from a day, and found by procedure at intake.
public struct DelegationStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Records a decision if `check` finds no problem with it among the delegating agency's other decisions;
    /// returns the problem otherwise. Two recordings at once for one agency are serialised.
    public func add(_ delegation: Delegation, recordedBy: String, at now: Date,
                    check: @escaping @Sendable ([Delegation]) -> FieldProblem?) async throws -> FieldProblem? {
        try await database.write { db in
            try await TransactionLock.delegations.take(for: delegation.delegatingAgencyCode, in: db)
            let existing = try await Self.decisions(where: "delegating_agency = \(bind: delegation.delegatingAgencyCode)", in: db)
            if let problem = check(existing) { return problem }
            try await db.raw("""
                INSERT INTO delegations (delegating_agency, number, delegate_agency, effective_from, recorded_by, recorded_at, body)
                VALUES (\(bind: delegation.delegatingAgencyCode), \(bind: delegation.number), \(bind: delegation.delegateAgencyCode),
                  \(bind: delegation.effectiveFrom.description), \(bind: recordedBy), \(bind: now.epochSeconds),
                  \(bind: try JSONColumn.encode(delegation)))
                """).run()
            for code in delegation.procedureCodes {
                try await db.raw("""
                    INSERT INTO delegation_procedures (delegating_agency, number, procedure_code)
                    VALUES (\(bind: delegation.delegatingAgencyCode), \(bind: delegation.number), \(bind: code))
                    """).run()
            }
            return nil
        }
    }

    /// Revokes a decision from `day` if `check` allows it; returns the decision as it is afterwards, or the problem.
    public func revoke(delegatingAgencyCode: String, number: String, on day: CivilDate,
                       check: @escaping @Sendable (Delegation) -> FieldProblem?) async throws -> Result<Delegation, FieldProblem>? {
        try await database.write { db in
            let found = try await Self.decisions(
                where: "delegating_agency = \(bind: delegatingAgencyCode) AND number = \(bind: number)", in: db).first
            guard var delegation = found else { return nil }
            if let problem = check(delegation) { return .failure(problem) }
            delegation.revokedOn = day
            try await db.raw("""
                UPDATE delegations SET body = \(bind: try JSONColumn.encode(delegation))
                WHERE delegating_agency = \(bind: delegatingAgencyCode) AND number = \(bind: number)
                """).run()
            return .success(delegation)
        }
    }

    /// The first agency or procedure the decision names that does not exist, as a problem naming the field.
    public func referenceProblem(in delegation: Delegation) async throws -> FieldProblem? {
        let reference = ReferenceStore(database: database)
        for (field, code) in [("delegatingAgencyCode", delegation.delegatingAgencyCode), ("delegateAgencyCode", delegation.delegateAgencyCode)]
        where try await reference.agency(code: code) == nil {
            return FieldProblem(field: field, message: "Không có cơ quan mã \"\(code)\".")
        }
        let catalog = CatalogStore(database: database)
        for (index, code) in delegation.procedureCodes.enumerated() where try await catalog.procedure(code: code) == nil {
            return FieldProblem(field: "procedureCodes[\(index)]", message: "Không có thủ tục mã \"\(code)\" trong danh mục.")
        }
        return nil
    }

    /// Every decision naming the procedure (in force or not; Core decides which applies on a day).
    public func naming(procedureCode: String) async throws -> [Delegation] {
        try await database.read { db in
            try await Self.decisions(where: """
                (delegating_agency, number) IN (SELECT delegating_agency, number FROM delegation_procedures
                  WHERE procedure_code = \(bind: procedureCode))
                """, in: db)
        }
    }

    /// Every decision, newest effective date first.
    public func all() async throws -> [Delegation] {
        try await database.read { db in try await Self.decisions(where: "1 = 1", in: db) }
    }

    static func decisions(where condition: SQLQueryString, in db: any SQLDatabase) async throws -> [Delegation] {
        try await db.raw("""
            SELECT body FROM delegations WHERE \(condition) ORDER BY effective_from DESC, delegating_agency, number
            """).all().map { try JSONColumn.decode(Delegation.self, from: try $0.decode(column: "body", as: String.self)) }
    }
}
