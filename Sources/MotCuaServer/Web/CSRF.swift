import Foundation
import Hummingbird
import MotCuaCore

/// Chống giả mạo yêu cầu (CSRF) — every form carries a random token that must equal the one in the browser's
/// own cookie (HttpOnly, SameSite=Strict): another site can make a browser post a form, but cannot read or set
/// that cookie, so it cannot know the value to post. `PageMiddleware` gives each browser its token.
enum CSRF {
    static let cookieName = "motcua_csrf"
    static let expired = "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy tải lại trang rồi gửi lại."

    /// The token the browser already has, if any.
    static func known(in request: Request) -> String? {
        request.cookies[cookieName]?.value.count ?? 0 >= 32 ? request.cookies[cookieName]?.value : nil
    }

    static func cookie(_ token: String) -> Cookie {
        Cookie(name: cookieName, value: token, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// Whether a posted form carries the browser's token.
    static func isValid(_ posted: String, for request: Request) -> Bool {
        guard let expected = known(in: request) else { return false }
        return ConstantTime.equal(posted, expected)
    }
}
