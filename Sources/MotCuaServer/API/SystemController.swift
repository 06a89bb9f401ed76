import Foundation
import Hummingbird
import MotCuaStore
import Prometheus

/// Giám sát — `/healthz` (200 once the database answers), `/metrics` (Prometheus) and `/openapi.yaml`.
struct SystemController {
    let database: Database
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            _ = try await database.read { db in try await db.raw("SELECT 1 AS ok").first() }
            return try APICoding.response(["status": "ok", "database": database.engine.rawValue])
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try OpenAPISpec.text())))
        }
    }
}

/// Tài liệu OpenAPI — the hand-written description of the API, shipped as a resource.
public enum OpenAPISpec {
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Đo lường yêu cầu — counts requests by method and status class and records their durations for `/metrics`.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry

    /// `motcua_http_requests_total`. Made once, not per request: swift-prometheus's descriptor holds only constant
    /// text but is not marked `Sendable`.
    nonisolated(unsafe) static let requests = MetricNameDescriptor(
        namespace: "motcua", subsystem: "http", metricName: "requests", unitName: "total",
        helpText: "Requests answered, by method and status class.")

    /// `motcua_http_request_duration_seconds`.
    nonisolated(unsafe) static let durations = MetricNameDescriptor(
        namespace: "motcua", subsystem: "http", metricName: "request_duration", unitName: "seconds",
        helpText: "Time to answer a request, by method.")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let labels = [("method", request.method.rawValue), ("status", "\(status / 100)xx")]
            registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
            registry.makeDurationHistogram(descriptor: Self.durations, labels: [("method", request.method.rawValue)],
                                           buckets: [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)])
                .record(ContinuousClock.now - start)
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }
}
