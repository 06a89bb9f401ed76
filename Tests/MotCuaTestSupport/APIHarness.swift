import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MotCuaServer
import MotCuaStore
import NIOCore

/// Máy chủ kiểm thử trong tiến trình — the real router over a fresh database on one engine, driven by a test
/// clock, reached through HummingbirdTesting without a socket (or, `.live`, over one on loopback: for what the
/// connection itself tells, such as the client's address).
public enum APIHarness {
    public static func run(_ engine: TestEngine, clock: TestClock, config: AppConfig = AppConfig(), testing: TestingSetup = .router,
                           _ body: @escaping @Sendable (APIClient, Database) async throws -> Void) async throws {
        try await runLocated(engine, clock: clock, config: config, testing: testing) { client, database, _ in try await body(client, database) }
    }

    /// `run`, telling `body` where the database is too, for it to open the database as another process would
    /// (`TestDatabases.withOpened`).
    public static func runLocated(_ engine: TestEngine, clock: TestClock, config: AppConfig = AppConfig(), testing: TestingSetup = .router,
                                  _ body: @escaping @Sendable (APIClient, Database, _ location: String) async throws -> Void) async throws {
        var config = config
        config.filesDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-tep-\(UUID().uuidString)").path
        let inUse = config
        defer { try? FileManager.default.removeItem(atPath: inUse.filesDirectory) }
        try await TestDatabases.withLocatedDatabase(engine) { database, location in
            let router = try await MotCuaApp.buildRouter(inUse, database: database, now: { clock.now })
            // Port 0 (live): a free port the system chooses.
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "motcua.test"))
            try await app.test(testing) { client in
                let api = APIClient { method, uri, headers, data in
                    let response = try await client.execute(uri: uri, method: method, headers: headers,
                                                            body: data.map { ByteBuffer(bytes: $0) })
                    return APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
                }
                try await body(api, database, location)
            }
        }
    }
}

/// Khách API kiểm thử — signs demo officers in and sends JSON requests, in process or over a real socket.
public struct APIClient: Sendable {
    public typealias Transport = @Sendable (HTTPRequest.Method, String, HTTPFields, Data?) async throws -> APIResponse
    let transport: Transport

    public init(transport: @escaping Transport) { self.transport = transport }

    /// Signs a demo account in and returns its bearer token.
    public func signIn(_ username: String, password: String = DemoAccounts.password) async throws -> String {
        let response = try await send(.post, "/api/sessions", json: ["username": username, "password": password])
        guard response.status == .created, let token = response.json["token"] as? String else {
            throw TestSetupError("sign-in of \(username) failed: \(response.status) \(response.text)")
        }
        return token
    }

    /// Sends a request with a JSON body built from `json` (any JSONSerialization value).
    public func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil,
                     headers: HTTPFields = [:]) async throws -> APIResponse {
        let body = try json.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await send(method, uri, token: token, raw: body, headers: headers)
    }

    /// Sends a request with exactly these body bytes.
    public func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, raw: Data?,
                     headers: HTTPFields = [:]) async throws -> APIResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if raw != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await transport(method, uri, fields, raw)
    }
}

/// Trả lời — a response with its body read as JSON where it is JSON.
public struct APIResponse: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let body: Data

    public init(status: HTTPResponse.Status, headers: HTTPFields, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as a JSON object (empty when it is not one).
    public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    /// The body as a JSON array (empty when it is not one).
    public var jsonArray: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
}
