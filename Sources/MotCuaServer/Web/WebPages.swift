import Foundation
import Hummingbird
import Mustache

/// Trang web — renders the HTML pages from logic-less Mustache templates (`Resources/web/templates`): every value
/// a template shows comes from a view-model struct built in Swift, and `{{…}}` escapes it. Also serves the one
/// stylesheet.
struct WebPages: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer

    static func load() async throws -> WebPages {
        guard let folder = Bundle.module.url(forResource: "web", withExtension: nil, subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/web"])
        }
        let library = try await MustacheLibrary(directory: folder.appendingPathComponent("templates").path)
        let css = try Data(contentsOf: folder.appendingPathComponent("site.css"))
        return WebPages(library: library, stylesheet: ByteBuffer(data: css))
    }

    /// The page `template` shows `model` in; a template missing is a programming error, answered 500.
    func render(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(model, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "template \(template) missing")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func register(on router: Router<AppRequestContext>) {
        let css = stylesheet
        router.get("/tai-nguyen/site.css") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: css))
        }
    }
}
