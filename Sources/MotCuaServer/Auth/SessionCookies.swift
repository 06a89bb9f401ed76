import Foundation
import Hummingbird

/// Cookie phiên — the cookies that carry an officer's or a citizen's session, or an e-ID sign-in under way: never
/// readable by scripts, sent only over HTTPS (and to localhost), and SameSite=Lax so they come back on the e-ID
/// provider's redirect; and the cookie that makes the browser forget one.
extension Cookie {
    static func session(_ name: String, value: String, expires: Date) -> Cookie {
        Cookie(name: name, value: value, expires: expires, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }

    static func session(_ name: String, value: String, maxAge: Int, path: String) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: true, httpOnly: true, sameSite: .lax)
    }

    static func cleared(_ name: String, path: String = "/") -> Cookie { session(name, value: "", maxAge: 0, path: path) }
}
