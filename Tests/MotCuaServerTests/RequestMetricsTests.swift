import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaServer
import MotCuaTestSupport
import Testing

/// `/metrics` counts the requests answered, by method and status class, and records their durations, under the
/// names a Prometheus scrape of MotCua expects.
@Suite struct RequestMetricsTests {
    @Test func requestsAreCountedByMethodAndStatusClass() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            let files = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-metrics-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: files) }
            let app = Application(router: try await MotCuaApp.buildRouter(AppConfig(filesDirectory: files), database: database))
            let metrics = try await app.test(.router) { client in
                for _ in 0..<3 { try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) } }
                try await client.execute(uri: "/api/khong-co", method: .get) { #expect($0.status == .notFound) }
                for invented in ["PROPFIND", "XOA-HET"] {
                    try await client.execute(uri: "/healthz", method: HTTPRequest.Method(invented)!) { #expect($0.status != .ok) }
                }
                return try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            }
            let lines = metrics.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"motcua_http_requests_total{method="GET",status="2xx"} 3"#))
            #expect(lines.contains(#"motcua_http_requests_total{method="GET",status="4xx"} 1"#))
            #expect(lines.contains { $0.hasPrefix(#"motcua_http_request_duration_seconds_count{method="GET"} 4"#) })
            #expect(lines.contains { $0.hasPrefix("# HELP motcua_http_requests_total ") })
            // Methods a client invents are counted together, not each under its own name.
            #expect(lines.contains { $0.hasPrefix(#"motcua_http_request_duration_seconds_count{method="OTHER"} 2"#) })
            #expect(!metrics.contains("PROPFIND") && !metrics.contains("XOA-HET"))
        }
    }
}
