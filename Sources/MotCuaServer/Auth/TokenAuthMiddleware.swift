import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Xác thực — recognises the officer behind a request from a bearer token (`Authorization: Bearer …`) or the
/// session cookie, by the SHA-256 of the token. A request without one goes on unauthenticated; handlers that
/// need an officer refuse it with 401.
///
/// The token is looked up in the reference data as it is now (`ReferenceCache`), whose revision every change to
/// an account, a role or a token moves on: one read of that number answers for the token, and the request's
/// handler works from the same snapshot (`AppRequestContext.reference`) instead of reading it again.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let reference: ReferenceCache
    let now: @Sendable () -> Date

    static let cookieName = "motcua_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Self.token(in: request) {
            let snapshot = try await reference.current()
            context.reference = snapshot
            context.officer = try await snapshot.session(forTokenHash: Self.hash(token))?.officer(at: now())
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return header.dropFirst("Bearer ".count).trimmed
        }
        return request.cookies[cookieName]?.value
    }

    static func hash(_ token: String) -> String {
        SHA256Hex.of(utf8: token)
    }

    /// A new random token (256 bits, URL-safe base64).
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }
}
