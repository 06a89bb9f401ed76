import Foundation
import Hummingbird
import MotCuaCore

/// Trang web — what every HTML page shares, in one place: the browser's anti-forgery token (set once as a
/// cookie, handed to the handler in the context), and the problems a handler throws (not found, not allowed,
/// refused input, the database out of reach) shown as a page in the site's layout with the problem's status,
/// instead of JSON.
struct PageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: WebPages
    let outages: OutageLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let known = CSRF.known(in: request)
        context.csrf = known ?? TokenAuthMiddleware.newToken()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            guard let problem = error as? Problem ?? Problem.outage(error, log: outages, logger: context.logger) else { throw error }
            response = try pages.render("error", ErrorPage(problem, context: context), status: problem.status)
            problem.addRetryAfter(to: &response.headers)
        }
        if known == nil { response.setCookie(CSRF.cookie(context.csrf)) }
        return response
    }
}

/// Cán bộ đăng nhập — the officers' pages: without a session, the browser goes to the sign-in page.
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.officer != nil else { return .redirect(to: "/dang-nhap", type: .found) }
        return try await next(request, context)
    }
}

/// Bộ phận kiểm soát TTHC — the control office's pages: administrators only.
struct AdministratorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.officer?.isAdministrator == true else {
            throw Problem.forbidden("Trang quản trị dành cho bộ phận kiểm soát TTHC (vai trò quản trị).")
        }
        return try await next(request, context)
    }
}

/// Trang lỗi — what went wrong, in the site's layout, and the way back.
struct ErrorPage {
    let layout: PageLayout
    let heading: String
    let message: String

    init(_ problem: Problem, context: AppRequestContext) {
        heading = switch problem.status {
        case .notFound: "Không tìm thấy"
        case .forbidden, .unauthorized: "Không được phép"
        default: "Không thực hiện được"
        }
        layout = PageLayout(title: heading, context: context)
        message = problem.message
    }
}
