import Crypto
import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Đăng nhập công dân bằng VNeID — the citizen's way in, by OpenID Connect's authorization-code flow: MotCua keeps
/// a sign-in request (state, nonce, PKCE verifier, the level asked for, the page to come back to) and sends the
/// browser to the provider; on the way back the request is taken away whole (so a replayed answer finds nothing),
/// the state must also match the browser's own cookie, the code is exchanged and the ID token verified, and the
/// level the provider vouched for must reach the one asked for. Then the citizen has a session. Sign-ins and
/// refused answers go to the audit trail.
struct CitizenSignInController {
    let provider: EIDProvider?
    let citizens: CitizenStore
    let audit: AuditLog
    let now: @Sendable () -> Date

    /// How long a citizen's session lasts: a working day.
    static let sessionLifetime: TimeInterval = 8 * 3600
    static let stateCookie = "motcua_vneid_state"
    static let sessionCookie = "motcua_cong_dan"

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/dang-nhap/vneid", use: start)
        router.get(RouterPath(EIDSettings.callbackPath), use: finish)
    }

    /// `?muc=2&tiep=/nop-truc-tuyen/…`: sends the browser to the provider, asking for the level (1 by default).
    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let provider = try configured()
        let level = request.uri.queryParameters["muc"].flatMap { Int(String($0)) }.flatMap(AssuranceLevel.init(rawValue:)) ?? .level1
        let returnTo = Self.localPath(request.uri.queryParameters["tiep"].map(String.init)) ?? "/"
        let (state, nonce, verifier) = (TokenAuthMiddleware.newToken(), TokenAuthMiddleware.newToken(), TokenAuthMiddleware.newToken())
        let location: String
        do {
            location = try await provider.authorizationURL(state: state, nonce: nonce, codeChallenge: Self.challenge(for: verifier),
                                                           level: level)
        } catch let unavailable as EIDUnavailable {
            throw Self.unavailable(unavailable)
        }
        // Kept only once the provider can be reached, so a provider that is down leaves nothing behind.
        try await citizens.begin(CitizenStore.SignInRequest(nonce: nonce, codeVerifier: verifier, level: level, returnTo: returnTo,
                                                            createdAt: now()),
                                 stateHash: TokenAuthMiddleware.hash(state))
        var response = Response.redirect(to: location, type: .found)
        response.setCookie(.session(Self.stateCookie, value: state, maxAge: Int(CitizenStore.signInRequestLifetime), path: EIDSettings.callbackPath))
        return response
    }

    /// The provider's answer: a code to exchange, or an error to show.
    @Sendable func finish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let provider = try configured()
        let query = request.uri.queryParameters
        let state = query["state"].map(String.init) ?? ""
        guard !state.isEmpty, let cookie = request.cookies[Self.stateCookie]?.value, ConstantTime.equal(cookie, state),
              let signIn = try await citizens.finish(stateHash: TokenAuthMiddleware.hash(state),
                                                     now: now()) else {
            throw Problem(.badRequest, code: "sign-in-request-unknown",
                          message: "Yêu cầu đăng nhập không còn hiệu lực (đã dùng, quá \(Int(CitizenStore.signInRequestLifetime) / 60) phút, hoặc mở từ trình duyệt khác). Hãy đăng nhập lại.")
        }
        let identity: EIDIdentity
        do {
            if let error = query["error"] {
                throw EIDRefusal.providerRefused(String(error), query["error_description"].map(String.init))
            }
            identity = try await provider.signIn(code: query["code"].map(String.init) ?? "", codeVerifier: signIn.codeVerifier,
                                                 nonce: signIn.nonce, now: now())
        } catch let refusal as EIDRefusal {
            try await audit.record(actor: "cong-dan", action: "cong-dan.dang-nhap-bi-tu-choi", subject: "", detail: refusal.message, at: now())
            throw Problem(.unauthorized, code: "eid-refused", message: "Đăng nhập VNeID không thành công: \(refusal.message)")
        } catch let unavailable as EIDUnavailable {
            throw Self.unavailable(unavailable)
        }
        guard identity.level >= signIn.level else {
            throw Problem(.forbidden, code: "eid-level-too-low",
                          message: "Tài khoản định danh điện tử của bạn là \(identity.level.vietnameseName); dịch vụ này cần tài khoản "
                              + "\(signIn.level.vietnameseName). Hãy nâng mức tài khoản trên ứng dụng VNeID rồi đăng nhập lại.")
        }
        let token = TokenAuthMiddleware.newToken()
        let signedInAt = now()
        try await citizens.signIn(CitizenStore.Citizen(personalId: identity.personalID, fullName: identity.fullName,
                                                       birthDate: identity.birthDate),
                                  level: identity.level, tokenHash: TokenAuthMiddleware.hash(token), at: signedInAt,
                                  expiresAt: signedInAt.addingTimeInterval(Self.sessionLifetime))
        var response = Response.redirect(to: signIn.returnTo, type: .found)
        response.setCookie(.session(Self.sessionCookie, value: token, expires: signedInAt.addingTimeInterval(Self.sessionLifetime)))
        response.setCookie(.cleared(Self.stateCookie, path: EIDSettings.callbackPath))
        return response
    }

    /// Sends the browser to sign in with the e-ID at `level`, and back to `path` afterwards.
    static func redirect(returningTo path: String, level: AssuranceLevel) -> Response {
        let back = path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?/"))) ?? "/"
        return .redirect(to: "/dang-nhap/vneid?muc=\(level.rawValue)&tiep=\(back)", type: .normal)
    }

    /// Ends the citizen's session the request carries, if any; the cookie that makes the browser forget it.
    static func signOut(_ request: Request, citizens: CitizenStore) async throws -> Cookie {
        if let token = request.cookies[sessionCookie]?.value {
            try await citizens.endSession(tokenHash: TokenAuthMiddleware.hash(token))
        }
        return .cleared(sessionCookie)
    }

    private func configured() throws -> EIDProvider {
        guard let provider else {
            throw Problem(.serviceUnavailable, code: "eid-not-configured",
                          message: "Máy chủ này chưa được cấu hình đăng nhập bằng định danh điện tử (VNeID).")
        }
        return provider
    }

    static func unavailable(_ error: EIDUnavailable) -> Problem {
        Problem(.serviceUnavailable, code: "eid-unavailable",
                message: "Không kết nối được hệ thống định danh điện tử VNeID; hãy thử lại sau ít phút, hoặc nộp hồ sơ tại bộ phận một cửa.")
    }

    /// PKCE's S256 challenge: the verifier's SHA-256, base64url without padding (RFC 7636 §4.2).
    static func challenge(for verifier: String) -> String {
        Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
    }

    /// A path on this site (never another site's address, so the way back cannot be turned into a redirect elsewhere).
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count <= 300 else { return nil }
        return text
    }
}

/// Phiên công dân — recognises the signed-in citizen behind a request by their session cookie.
struct CitizenSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let citizens: CitizenStore
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[CitizenSignInController.sessionCookie]?.value, !token.isEmpty {
            context.citizen = try await citizens.session(tokenHash: TokenAuthMiddleware.hash(token), now: now())
        }
        return try await next(request, context)
    }
}
