import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Đăng nhập trên trang — officers sign in with the form (errors next to the field, what was typed kept, the
/// password never sent back) and out with a button; the session is the API's own (`SessionController`). The same
/// button signs a citizen out of their e-ID session.
struct SignInController {
    let pages: WebPages
    let sessions: SessionController
    let citizens: CitizenStore

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/dang-nhap", use: form)
        router.post("/dang-nhap", use: signIn)
        router.post("/dang-xuat", use: signOut)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.officer != nil { return .redirect(to: "/can-bo/viec", type: .normal) }
        return try page(context, username: "")
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let username = String(form["username"].prefix(100))
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try page(context, username: username, status: .forbidden, formError: CSRF.expired)
        }
        let password = form.raw("password")
        if username.isEmpty || password.isEmpty {
            return try page(context, username: username, status: .unprocessableContent,
                            usernameError: username.isEmpty ? "Nhập tên đăng nhập." : nil,
                            passwordError: password.isEmpty ? "Nhập mật khẩu." : nil)
        }
        let officer: UserStore.Officer
        do {
            officer = try await sessions.authenticate(username: username, password: password, from: sessions.clientAddress(of: request, context: context))
        } catch let refused as Problem {
            return try page(context, username: username, status: refused.status, passwordError: refused.message)
        }
        var response = Response.redirect(to: "/can-bo/viec", type: .found)
        response.setCookie(try await sessions.open(for: officer).cookie)
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard CSRF.isValid(try await FormFields.read(request)["csrf"], for: request) else { return .redirect(to: "/", type: .found) }
        try await sessions.close(request)
        var response = Response.redirect(to: "/", type: .found)
        response.setCookie(SessionController.clearingCookie)
        response.setCookie(try await CitizenSignInController.signOut(request, citizens: citizens))
        return response
    }

    private func page(_ context: AppRequestContext, username: String, status: HTTPResponse.Status = .ok, usernameError: String? = nil,
                      passwordError: String? = nil, formError: String? = nil) throws -> Response {
        try pages.render("sign-in", SignInPage(layout: PageLayout(title: "Cán bộ đăng nhập", context: context),
                                               username: username, usernameError: usernameError,
                                               passwordError: passwordError, formError: formError), status: status)
    }
}
