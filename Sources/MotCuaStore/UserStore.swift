import Foundation
import MotCuaCore
import SQLKit

/// Tài khoản cán bộ — officer accounts, their roles in agencies, and their sign-in and API tokens (only the
/// SHA-256 of a token is stored).
public struct UserStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One officer with the roles they hold in each agency.
    public struct Officer: Sendable, Hashable, Codable {
        public let username: String
        public let fullName: String
        public let passwordHash: String
        public let active: Bool
        public let roles: [Grant]
    }

    /// Vai trò tại cơ quan — a role held in one agency.
    public struct Grant: Sendable, Hashable, Codable {
        public let agencyCode: String
        public let role: OfficerRole

        public init(agencyCode: String, role: OfficerRole) {
            self.agencyCode = agencyCode
            self.role = role
        }
    }

    /// Creates an officer, recorded in the audit trail as done by `actor`; false if the username is taken.
    public func add(username: String, fullName: String, passwordHash: String, grants: [Grant], by actor: String, now: Date) async throws -> Bool {
        try await database.write { db in
            try await TransactionLock.accounts.take(for: username, in: db)
            if try await db.raw("SELECT username FROM users WHERE username = \(bind: username)").first() != nil { return false }
            try await db.raw("""
                INSERT INTO users (username, full_name, password_hash, active, created_at)
                VALUES (\(bind: username), \(bind: fullName), \(bind: passwordHash), 1, \(bind: now.epochSeconds))
                """).run()
            for grant in Set(grants) {
                try await db.raw("""
                    INSERT INTO user_roles (username, agency_code, role)
                    VALUES (\(bind: username), \(bind: grant.agencyCode), \(bind: grant.role.rawValue))
                    """).run()
            }
            try await AuditLog.append(actor: actor, action: "tai-khoan.tao", subject: username, detail: Self.describe(grants), at: now, in: db)
            return true
        }
    }

    /// "chuyen-vien@000.30.01.H26, lanh-dao@…" — roles as the audit trail records them.
    static func describe(_ grants: [Grant]) -> String {
        Set(grants).map { "\($0.role.rawValue)@\($0.agencyCode)" }.sorted().joined(separator: ", ")
    }

    /// Replaces an officer's name, roles and standing (and password hash, when given) in one transaction, recorded
    /// in the audit trail as done by `actor`; a deactivated account or a new password ends every session of the
    /// officer at once. False if there is no such officer.
    public func update(username: String, fullName: String, grants: [Grant], active: Bool, passwordHash: String?,
                       by actor: String, at now: Date) async throws -> Bool {
        try await database.write { db in
            guard try await db.raw("""
                UPDATE users SET full_name = \(bind: fullName), active = \(bind: active ? 1 : 0),
                  password_hash = COALESCE(\(bind: passwordHash), password_hash)
                WHERE username = \(bind: username) RETURNING username
                """).first() != nil else { return false }
            try await db.raw("DELETE FROM user_roles WHERE username = \(bind: username)").run()
            for grant in Set(grants) {
                try await db.raw("""
                    INSERT INTO user_roles (username, agency_code, role)
                    VALUES (\(bind: username), \(bind: grant.agencyCode), \(bind: grant.role.rawValue))
                    """).run()
            }
            if !active || passwordHash != nil {
                try await db.raw("DELETE FROM tokens WHERE username = \(bind: username)").run()
            }
            let standing = (active ? "hoạt động" : "khóa") + (passwordHash == nil ? "" : ", đổi mật khẩu")
            try await AuditLog.append(actor: actor, action: "tai-khoan.sua", subject: username,
                                      detail: "\(Self.describe(grants)); \(standing)", at: now, in: db)
            return true
        }
    }

    public func officer(username: String) async throws -> Officer? {
        try await database.read { db in
            try await Self.officer(from: db.raw("""
                SELECT u.username, u.full_name, u.password_hash, u.active, r.agency_code, r.role
                FROM users u LEFT JOIN user_roles r ON r.username = u.username
                WHERE u.username = \(bind: username) ORDER BY r.agency_code, r.role
                """).all())
        }
    }

    /// Until when the account refuses sign-ins, if it is locked now.
    public func lockedUntil(username: String, now: Date) async throws -> Date? {
        try await database.read { db in
            try await db.raw("""
                SELECT locked_until FROM users WHERE username = \(bind: username) AND locked_until > \(bind: now.epochSeconds)
                """).first()?.decode(column: "locked_until", as: Int?.self).map(Date.init(epochSeconds:))
        }
    }

    /// Counts a failed sign-in, in one transaction and atomically whichever server saw it: for the client address
    /// in its current window (whatever name was tried), and — when `username` is an account — for the account,
    /// recorded in the audit trail; when the account's count reaches the lockout's limit, locks it and starts the count
    /// again. Returns until when the account is locked, if it now is.
    public func recordFailedSignIn(username: String, from address: String, at now: Date) async throws -> Date? {
        let window = SignInLockout.addressWindowStart(now.epochSeconds)
        return try await database.write { db in
            try await db.raw("""
                INSERT INTO sign_in_failures_by_address (address, window_start, failures) VALUES (\(bind: address), \(bind: window), 1)
                ON CONFLICT (address, window_start) DO UPDATE SET failures = sign_in_failures_by_address.failures + 1
                """).run()
            guard let failures = try await db.raw("""
                UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE username = \(bind: username) RETURNING failed_sign_ins
                """).first()?.decode(column: "failed_sign_ins", as: Int.self) else { return nil }
            try await AuditLog.append(actor: username, action: "dang-nhap-sai", subject: username, detail: "lần \(failures)", at: now, in: db)
            guard let until = SignInLockout.lockedUntil(afterFailures: failures, at: now) else { return nil }
            try await db.raw("""
                UPDATE users SET failed_sign_ins = 0, locked_until = \(bind: until.epochSeconds) WHERE username = \(bind: username)
                """).run()
            try await AuditLog.append(actor: "he-thong", action: "tam-khoa-tai-khoan", subject: username,
                                      detail: "đến \(until.epochSeconds)", at: now, in: db)
            return until
        }
    }

    /// How many sign-ins failed from a client address in the current window.
    public func addressFailures(_ address: String, now: Date) async throws -> Int {
        let window = SignInLockout.addressWindowStart(now.epochSeconds)
        return try await database.read { db in
            try await db.raw("""
                SELECT failures FROM sign_in_failures_by_address WHERE address = \(bind: address) AND window_start = \(bind: window)
                """).first()?.decode(column: "failures", as: Int.self) ?? 0
        }
    }

    /// A right password: recorded in the audit trail, and the count of wrong ones starts again.
    public func recordSignIn(username: String, at now: Date) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE users SET failed_sign_ins = 0 WHERE username = \(bind: username) AND failed_sign_ins > 0
                """).run()
            try await AuditLog.append(actor: username, action: "dang-nhap", subject: username, at: now, in: db)
        }
    }

    /// Phiên đăng nhập — the officer a token belongs to, and until when it may be used.
    public struct TokenSession: Sendable, Hashable {
        public let officer: Officer
        public let expiresAt: Date

        /// The officer, if the token has not expired by `now` and the account is active.
        public func officer(at now: Date) -> Officer? {
            expiresAt > now && officer.active ? officer : nil
        }
    }

    /// The officer a token belongs to, expired or not; `ReferenceSnapshot.session(forTokenHash:)` remembers it for as
    /// long as no account, role or token changes.
    public func session(forTokenHash hash: String) async throws -> TokenSession? {
        try await database.read { db in
            let rows = try await db.all("""
                SELECT u.username, u.full_name, u.password_hash, u.active, r.agency_code, r.role, t.expires_at
                FROM tokens t JOIN users u ON u.username = t.username LEFT JOIN user_roles r ON r.username = u.username
                WHERE t.token_hash = \(bind: hash) ORDER BY r.agency_code, r.role
                """)
            guard let officer = try Self.officer(from: rows) else { return nil }
            return TokenSession(officer: officer, expiresAt: Date(epochSeconds: try rows[0].decode(column: "expires_at", as: Int.self)))
        }
    }

    /// Every officer, by username, with their roles.
    public func all() async throws -> [Officer] {
        try await database.read { db in
            let rows = try await db.raw("""
                SELECT u.username, u.full_name, u.password_hash, u.active, r.agency_code, r.role
                FROM users u LEFT JOIN user_roles r ON r.username = u.username ORDER BY u.username, r.agency_code, r.role
                """).all()
            let byUser = Dictionary(grouping: rows) { (try? $0.decode(column: "username", as: String.self)) ?? "" }
            return try byUser.keys.sorted().compactMap { try Self.officer(from: byUser[$0] ?? []) }
        }
    }

    /// One officer from the rows of a user joined with their roles (one row per role, or one row without).
    static func officer(from rows: [any SQLRow]) throws -> Officer? {
        guard let first = rows.first else { return nil }
        let grants = try rows.compactMap { row -> Grant? in
            guard let agency = try row.decode(column: "agency_code", as: String?.self),
                  let role = try row.decode(column: "role", as: String?.self).flatMap(OfficerRole.init(rawValue:)) else { return nil }
            return Grant(agencyCode: agency, role: role)
        }
        return Officer(username: try first.decode(column: "username", as: String.self),
                       fullName: try first.decode(column: "full_name", as: String.self),
                       passwordHash: try first.decode(column: "password_hash", as: String.self),
                       active: try first.decode(column: "active", as: Int.self) == 1,
                       roles: grants)
    }

    /// Full names of the given officers, by username (unknown usernames are left out).
    public func fullNames(of usernames: Set<String>) async throws -> [String: String] {
        guard !usernames.isEmpty else { return [:] }
        return try await database.read { db in
            var names: [String: String] = [:]
            for row in try await db.raw("""
                SELECT username, full_name FROM users WHERE username IN (\(binds: Array(usernames)))
                """).all() {
                names[try row.decode(column: "username", as: String.self)] = try row.decode(column: "full_name", as: String.self)
            }
            return names
        }
    }

    public func userCount() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Stores a token's hash for a user until `expiresAt`.
    public func saveToken(hash: String, username: String, kind: String, now: Date, expiresAt: Date) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO tokens (token_hash, username, kind, created_at, expires_at) VALUES
                (\(bind: hash), \(bind: username), \(bind: kind), \(bind: now.epochSeconds), \(bind: expiresAt.epochSeconds))
                """).run()
        }
    }

    public func deleteToken(hash: String) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM tokens WHERE token_hash = \(bind: hash)").run()
        }
    }
}
