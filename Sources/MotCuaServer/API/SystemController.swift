import Foundation
import Hummingbird
import MotCuaStore
import Prometheus
import Synchronization

/// Giám sát — `/healthz` (200 once the database answers a read and takes a write within the request's deadline, 503
/// otherwise), `/metrics` (Prometheus: the requests, how the writes went together, and the room the data takes and
/// has left) and `/openapi.yaml`.
struct SystemController {
    let database: Database
    let registry: PrometheusCollectorRegistry
    /// Where the uploaded files are kept, whose file system's room `/metrics` reports.
    let files: String

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            // A read and a write that changes nothing, so that a writer held up (SQLite's commit waiting for a
            // stalled disk, while reads may still answer from the pages in memory) makes the server unhealthy: it is
            // given up on at the request's deadline (`AnswerDeadline`), as every other read and write is.
            _ = try await database.read { db in try await db.raw("SELECT 1 AS ok").first() }
            try await database.write { _ in }
            return try APICoding.response(["status": "ok", "database": database.engine.rawValue])
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            var body = ByteBuffer(bytes: registry.emitToBuffer())
            body.writeString(WritePathMetrics.text(of: database))
            body.writeString(try await StorageMetrics.text(of: database, files: files))
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try OpenAPISpec.text())))
        }
    }
}

/// Tài liệu OpenAPI — the hand-written description of the API, shipped as a resource, read from disk once.
public enum OpenAPISpec {
    private static let loaded = Result {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    public static func text() throws -> String { try loaded.get() }
}

/// Đo lường yêu cầu — counts requests by method and status class and records their durations for `/metrics`.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: RequestMetrics

    init(registry: PrometheusCollectorRegistry) {
        metrics = RequestMetrics(registry: registry)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer { metrics.record(method: request.method.rawValue, status: status, took: ContinuousClock.now - start) }
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

/// Số đo yêu cầu — the request counters and duration histograms in the registry, each fetched from it once per
/// method and status class and then kept: the registry builds the metric's name and looks its labels up under a
/// lock on every call, which under intake load was 3 % of the request threads' time.
final class RequestMetrics: Sendable {
    /// `motcua_http_requests_total`. Made once, not per request: swift-prometheus's descriptor holds only constant
    /// text but is not marked `Sendable`.
    nonisolated(unsafe) static let requests = MetricNameDescriptor(
        namespace: "motcua", subsystem: "http", metricName: "requests", unitName: "total",
        helpText: "Requests answered, by method and status class.")

    /// `motcua_http_request_duration_seconds`.
    nonisolated(unsafe) static let durations = MetricNameDescriptor(
        namespace: "motcua", subsystem: "http", metricName: "request_duration", unitName: "seconds",
        helpText: "Time to answer a request, by method.")

    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)]

    private struct Kept {
        var counters: [String: Counter] = [:]
        var histograms: [String: DurationHistogram] = [:]
    }

    private let registry: PrometheusCollectorRegistry
    private let kept = Mutex(Kept())

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    /// Methods counted under their own name; any other a client invents is counted as `OTHER`, so that no one can
    /// grow the registry without end.
    static let namedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func record(method: String, status: Int, took duration: Duration) {
        let method = Self.namedMethods.contains(method) ? method : "OTHER"
        let statusClass = "\(status / 100)xx"
        let (counter, histogram) = kept.withLock { kept in
            let counterKey = method + " " + statusClass
            if kept.counters[counterKey] == nil {
                kept.counters[counterKey] = registry.makeCounter(descriptor: Self.requests,
                                                                 labels: [("method", method), ("status", statusClass)])
            }
            if kept.histograms[method] == nil {
                kept.histograms[method] = registry.makeDurationHistogram(descriptor: Self.durations, labels: [("method", method)],
                                                                         buckets: Self.buckets)
            }
            return (kept.counters[counterKey]!, kept.histograms[method]!)
        }
        counter.increment()
        histogram.record(duration)
    }
}
