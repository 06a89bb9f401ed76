import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes

/// Trình duyệt từng bước — a client that keeps cookies per host as a browser does but shows each redirect instead
/// of following it, so a test can walk a sign-in through MotCua and the identity provider one hop at a time.
/// (Cookie paths and flags are not enforced: the tests check what the server sets, not what a browser would send.)
public final class StepwiseBrowser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var jar: [String: [String: String]] = [:]
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    public override init() {}

    public func get(_ address: String) async throws -> APIResponse {
        try await send(URLRequest(url: try Self.url(address)))
    }

    /// Posts a form (application/x-www-form-urlencoded).
    public func post(_ address: String, form: [(String, String)]) async throws -> APIResponse {
        var request = URLRequest(url: try Self.url(address))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&").utf8)
        return try await send(request)
    }

    /// Posts a body of the given type (a multipart form with files).
    public func post(_ address: String, body: Data, contentType: String) async throws -> APIResponse {
        var request = URLRequest(url: try Self.url(address))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    /// The cookie's value as this browser holds it for the host of `address`.
    public func cookie(_ name: String, for address: String) -> String? {
        lock.withLock { jar[(try? Self.url(address)).map(Self.origin) ?? ""]?[name] }
    }

    private func send(_ request: URLRequest) async throws -> APIResponse {
        var request = request
        let origin = Self.origin(request.url!)
        let held = lock.withLock { jar[origin] ?? [:] }
        if !held.isEmpty { request.setValue(held.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestSetupError("not an HTTP response") }
        let headers = http.allHeaderFields.reduce(into: [String: String]()) { if let name = $1.key as? String { $0[name] = $1.value as? String } }
        lock.withLock {
            for cookie in HTTPCookie.cookies(withResponseHeaderFields: headers, for: request.url!) {
                let gone = cookie.value.isEmpty || (cookie.expiresDate.map { $0 < Date() } ?? false)
                jar[origin, default: [:]][cookie.name] = gone ? nil : cookie.value
            }
        }
        var fields = HTTPFields()
        for (name, value) in headers { if let name = HTTPField.Name(name) { fields[name] = value } }
        return APIResponse(status: .init(code: http.statusCode), headers: fields, body: data)
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                           newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    private static func url(_ address: String) throws -> URL {
        guard let url = URL(string: address) else { throw TestSetupError("not an address: \(address)") }
        return url
    }

    private static func origin(_ url: URL) -> String { "\(url.host ?? ""):\(url.port ?? 80)" }
}
