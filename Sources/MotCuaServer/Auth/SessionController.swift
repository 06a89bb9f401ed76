import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Đăng nhập cán bộ — signs officers in with username and password (bcrypt), hands out a token usable as a
/// bearer token or a session cookie, and signs them out.
struct SessionController {
    let users: UserStore
    let proxies: TrustedProxies
    let now: @Sendable () -> Date
    /// How long a session lasts: one working week.
    static let lifetime: TimeInterval = 7 * 24 * 3600

    struct Credentials: Decodable {
        let username: String
        let password: String
    }

    struct SessionBody: Encodable {
        let token: String
        let expiresAt: Date
        let officer: OfficerBody
    }

    func register(on router: Router<AppRequestContext>) {
        router.post("/api/sessions", use: signIn)
        router.delete("/api/sessions", use: signOut)
        router.get("/api/me") { _, context in try APICoding.response(OfficerBody(try context.requireOfficer())) }
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let credentials = try await APICoding.decode(Credentials.self, from: request)
        let officer = try await authenticate(username: credentials.username, password: credentials.password, from: clientAddress(of: request, context: context))
        let session = try await open(for: officer)
        var response = try APICoding.response(SessionBody(token: session.token, expiresAt: session.expiresAt,
                                                          officer: OfficerBody(officer)), status: .created)
        response.setCookie(session.cookie)
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await close(request)
        var response = Response(status: .noContent)
        response.setCookie(Self.clearingCookie)
        return response
    }

    static let badCredentials = Problem(.unauthorized, code: "bad-credentials", message: "Tên đăng nhập hoặc mật khẩu không đúng.",
                                        field: "password")

    /// Whom failed sign-ins are counted against: the client, through the proxies the operator named.
    func clientAddress(of request: Request, context: AppRequestContext) -> String {
        proxies.clientAddress(connection: context.connectionAddress, forwardedFor: request.headers[values: .xForwardedFor])
    }

    /// The active officer with this username and password, asked from `address`; otherwise the problem to show:
    /// wrong credentials (401, the same whether the name or the password is wrong), or — when no password is even
    /// checked — an account locked after too many wrong passwords in a row, or an address that failed too often
    /// (429, saying until when; `SignInLockout`).
    func authenticate(username: String, password: String, from address: String) async throws -> UserStore.Officer {
        let now = now()
        if let until = SignInLockout.addressBlockedUntil(failuresInWindow: try await users.addressFailures(address, now: now), at: now) {
            throw Self.tooManyFromAddress(until: until)
        }
        guard let officer = try await users.officer(username: username), officer.active else {
            _ = try await users.recordFailedSignIn(username: username, from: address, at: now)
            throw Self.badCredentials
        }
        if let until = try await users.lockedUntil(username: username, now: now) { throw Self.locked(until: until) }
        guard try await Passwords.verify(password, hash: officer.passwordHash) else {
            if let until = try await users.recordFailedSignIn(username: username, from: address, at: now) { throw Self.locked(until: until) }
            throw Self.badCredentials
        }
        try await users.recordSignIn(username: username, at: now)
        return officer
    }

    static func tooManyFromAddress(until: Date) -> Problem {
        Problem(.tooManyRequests, code: "address-throttled",
                message: "Quá nhiều lần đăng nhập sai từ địa chỉ này; hãy thử lại sau \(WorkingCalendar.vietnamese(until)).", field: "password")
    }

    static func locked(until: Date) -> Problem {
        Problem(.tooManyRequests, code: "account-locked",
                message: "Tài khoản tạm khóa vì nhập sai mật khẩu \(SignInLockout.allowedFailures) lần liên tiếp; "
                    + "hãy thử lại sau \(WorkingCalendar.vietnamese(until)).", field: "password")
    }

    /// A new session: its token (kept only as a hash), when it ends, and the cookie that carries it.
    func open(for officer: UserStore.Officer) async throws -> (token: String, expiresAt: Date, cookie: Cookie) {
        let token = TokenAuthMiddleware.newToken()
        let issued = now()
        let expires = issued.addingTimeInterval(Self.lifetime)
        try await users.saveToken(hash: TokenAuthMiddleware.hash(token), username: officer.username, kind: "session",
                                  now: issued, expiresAt: expires)
        return (token, expires, .session(TokenAuthMiddleware.cookieName, value: token, expires: expires))
    }

    /// Ends the session the request carries, if any.
    func close(_ request: Request) async throws {
        if let token = TokenAuthMiddleware.token(in: request) {
            try await users.deleteToken(hash: TokenAuthMiddleware.hash(token))
        }
    }

    /// The cookie that makes the browser forget its session.
    static let clearingCookie = Cookie.cleared(TokenAuthMiddleware.cookieName)
}

/// Thông tin cán bộ — what the API shows of an officer (never the password hash).
struct OfficerBody: Encodable {
    let username: String
    let fullName: String
    let roles: [UserStore.Grant]

    init(_ officer: UserStore.Officer) {
        self.username = officer.username
        self.fullName = officer.fullName
        self.roles = officer.roles
    }
}

extension HTTPField.Name {
    /// The addresses a request came through, each proxy appending the one it was reached from.
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
