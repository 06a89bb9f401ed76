import Foundation
import MotCuaCore
import SQLKit

/// Công dân đăng nhập bằng định danh điện tử — the citizens who signed in with the national e-ID (known by their
/// personal ID), their sessions with the level they signed in at, the sign-in requests waiting for the identity
/// provider's answer (each usable once), and which account filed which dossier online.
public struct CitizenStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Công dân — a person as the e-ID vouched for them at their last sign-in.
    public struct Citizen: Sendable, Hashable {
        public let personalId: String
        public let fullName: String
        /// yyyy-MM-dd, when the identity provider gave it.
        public let birthDate: String?

        public init(personalId: String, fullName: String, birthDate: String?) {
            self.personalId = personalId
            self.fullName = fullName
            self.birthDate = birthDate
        }
    }

    /// Phiên đăng nhập — a signed-in citizen and the level their e-ID account vouched for.
    public struct Session: Sendable, Hashable {
        public let citizen: Citizen
        public let level: AssuranceLevel

        public init(citizen: Citizen, level: AssuranceLevel) {
            self.citizen = citizen
            self.level = level
        }
    }

    /// Yêu cầu đăng nhập — what MotCua sent the identity provider and must see again in its answer.
    public struct SignInRequest: Sendable, Hashable {
        public let nonce: String
        public let codeVerifier: String
        public let level: AssuranceLevel
        /// The page to come back to (a path on this site).
        public let returnTo: String
        public let createdAt: Date

        public init(nonce: String, codeVerifier: String, level: AssuranceLevel, returnTo: String, createdAt: Date) {
            self.nonce = nonce
            self.codeVerifier = codeVerifier
            self.level = level
            self.returnTo = returnTo
            self.createdAt = createdAt
        }
    }

    /// Keeps a sign-in request under the hash of its `state`.
    public func begin(_ request: SignInRequest, stateHash: String) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO sign_in_requests (state_hash, nonce, code_verifier, level, return_to, created_at)
                VALUES (\(bind: stateHash), \(bind: request.nonce), \(bind: request.codeVerifier), \(bind: request.level.rawValue),
                  \(bind: request.returnTo), \(bind: request.createdAt.epochSeconds))
                """).run()
        }
    }

    /// How long a sign-in request waits for the e-ID provider's answer.
    public static let signInRequestLifetime: TimeInterval = 600

    /// Takes the sign-in request with this state hash away, so the same answer can never be used twice (on any
    /// server); nil when there is none or it is older than `signInRequestLifetime` at `now`. (Requests never answered
    /// are swept by `RetentionStore`.)
    public func finish(stateHash: String, now: Date) async throws -> SignInRequest? {
        try await database.write { db in
            guard let row = try await db.raw("""
                DELETE FROM sign_in_requests WHERE state_hash = \(bind: stateHash)
                RETURNING nonce, code_verifier, level, return_to, created_at
                """).first(),
                let level = AssuranceLevel(rawValue: try row.decode(column: "level", as: Int.self)) else { return nil }
            let createdAt = Date(epochSeconds: try row.decode(column: "created_at", as: Int.self))
            guard createdAt >= now.addingTimeInterval(-Self.signInRequestLifetime) else { return nil }
            return SignInRequest(nonce: try row.decode(column: "nonce", as: String.self),
                                 codeVerifier: try row.decode(column: "code_verifier", as: String.self), level: level,
                                 returnTo: try row.decode(column: "return_to", as: String.self), createdAt: createdAt)
        }
    }

    /// How the audit trail names a citizen.
    public static func actor(_ personalId: String) -> String { "cong-dan:\(personalId)" }

    /// Records the citizen as the e-ID vouched for them now and opens a session for them, in one transaction.
    public func signIn(_ citizen: Citizen, level: AssuranceLevel, tokenHash: String, at now: Date, expiresAt: Date) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO citizens (personal_id, full_name, birth_date, first_signed_in_at, last_signed_in_at)
                VALUES (\(bind: citizen.personalId), \(bind: citizen.fullName), \(bind: citizen.birthDate),
                  \(bind: now.epochSeconds), \(bind: now.epochSeconds))
                ON CONFLICT (personal_id) DO UPDATE SET full_name = excluded.full_name, birth_date = excluded.birth_date,
                  last_signed_in_at = excluded.last_signed_in_at
                """).run()
            try await db.raw("""
                INSERT INTO citizen_sessions (token_hash, personal_id, assurance, created_at, expires_at)
                VALUES (\(bind: tokenHash), \(bind: citizen.personalId), \(bind: level.rawValue), \(bind: now.epochSeconds),
                  \(bind: expiresAt.epochSeconds))
                """).run()
            try await AuditLog.append(actor: Self.actor(citizen.personalId), action: "cong-dan.dang-nhap", subject: citizen.personalId,
                                      detail: "VNeID \(level.acr)", at: now, in: db)
        }
    }

    /// The session behind this token hash, if it has not ended.
    public func session(tokenHash: String, now: Date) async throws -> Session? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT c.personal_id, c.full_name, c.birth_date, s.assurance FROM citizen_sessions s
                JOIN citizens c ON c.personal_id = s.personal_id
                WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now.epochSeconds)
                """).first(),
                let level = AssuranceLevel(rawValue: try row.decode(column: "assurance", as: Int.self)) else { return nil }
            return Session(citizen: Citizen(personalId: try row.decode(column: "personal_id", as: String.self),
                                            fullName: try row.decode(column: "full_name", as: String.self),
                                            birthDate: try row.decode(column: "birth_date", as: String?.self)),
                           level: level)
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM citizen_sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Records, in the filing's own transaction, that this citizen's e-ID account at this level filed the dossier.
    public static func recordFiler(of dossierCode: String, _ session: Session, at now: Date, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO dossier_filers (dossier_code, personal_id, assurance, filed_at)
            VALUES (\(bind: dossierCode), \(bind: session.citizen.personalId), \(bind: session.level.rawValue), \(bind: now.epochSeconds))
            """).run()
    }

    /// When the citizen first and last signed in with the e-ID; nil if never.
    public func signIns(of personalId: String) async throws -> (first: Date, last: Date)? {
        try await database.read { db in
            try await db.raw("""
                SELECT first_signed_in_at, last_signed_in_at FROM citizens WHERE personal_id = \(bind: personalId)
                """).first().map {
                (Date(epochSeconds: try $0.decode(column: "first_signed_in_at", as: Int.self)),
                 Date(epochSeconds: try $0.decode(column: "last_signed_in_at", as: Int.self)))
            }
        }
    }

    /// Who filed the dossier online and at which e-ID level; nil for a dossier received at a desk.
    public func filer(of dossierCode: String) async throws -> (personalId: String, level: AssuranceLevel)? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT personal_id, assurance FROM dossier_filers WHERE dossier_code = \(bind: dossierCode)
                """).first(),
                let level = AssuranceLevel(rawValue: try row.decode(column: "assurance", as: Int.self)) else { return nil }
            return (try row.decode(column: "personal_id", as: String.self), level)
        }
    }
}
