import Foundation
import Hummingbird

/// Chống giả mạo yêu cầu (CSRF) — every form carries a random token that must equal the one in the browser's
/// own cookie (HttpOnly, SameSite=Strict): another site can make a browser post a form, but cannot read or set
/// that cookie, so it cannot know the value to post.
enum CSRF {
    static let cookieName = "motcua_csrf"
    static let field = "csrf"

    /// The browser's token, or a new one with the cookie that sets it.
    static func token(for request: Request) -> (token: String, cookie: Cookie?) {
        if let known = request.cookies[cookieName]?.value, known.count >= 32 { return (known, nil) }
        let token = TokenAuthMiddleware.newToken()
        return (token, Cookie(name: cookieName, value: token, path: "/", secure: true, httpOnly: true, sameSite: .strict))
    }

    /// Whether a posted form carries the browser's token.
    static func isValid(_ posted: String?, for request: Request) -> Bool {
        guard let posted, let expected = request.cookies[cookieName]?.value, expected.count >= 32 else { return false }
        let (a, b) = (Array(posted.utf8), Array(expected.utf8))
        guard a.count == b.count else { return false }
        // Every byte compared, so the time taken says nothing about how much matched.
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
