import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaServer
import MotCuaTestSupport
import Testing

/// `/metrics` counts the requests answered, by method and status class, and records their durations, under the
/// names a Prometheus scrape of MotCua expects; and it says how the writes went together.
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

    @Test(arguments: TestEngine.available)
    func writesAreCountedWithTheCommitsOrStatementsTheyWentIn(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T08:00:00")) { client, _ in
            let token = try await client.signIn("motcua.badinh")
            let before = try await Self.samples(client)
            for _ in 0..<3 {
                #expect(try await client.send(.post, "/api/dossiers", token: token, json: LifecycleJourney.intakeBody).status == .created)
            }
            let after = try await Self.samples(client)
            let moved = { (sample: String) in (after[sample] ?? 0) - (before[sample] ?? 0) }
            switch engine {
            case .sqlite:
                // Each intake is a write of its own here (one at a time), so each has had a commit of its own.
                #expect(moved("motcua_sqlite_writes_total") == 3)
                #expect(moved("motcua_sqlite_commits_total") == 3)
                #expect(after["motcua_sqlite_batches_rerun_total"] == 0)
            case .postgres:
                #expect(moved(#"motcua_postgres_round_writes_total{kind="numbered"}"#) == 3)
                #expect(moved(#"motcua_postgres_round_statements_total{kind="numbered"}"#) == 3)
            }
        }
    }

    /// The room the data takes and has left: on SQLite the database file's size as it is on disk, and on either
    /// engine the free bytes of the file systems holding the database and the uploaded files, as the system says.
    @Test(arguments: TestEngine.available)
    func theRoomTheDataTakesAndHasLeftIsReported(engine: TestEngine) async throws {
        try await APIHarness.runLocated(engine, clock: TestClock(local: "2026-03-02T08:00:00")) { client, database, location in
            let samples = try await Self.samples(client)
            func free(on path: String) -> Int {
                var stats = statvfs()
                return statvfs(path, &stats) == 0 ? Int(stats.f_bavail) * Int(stats.f_frsize) : -1
            }
            // Other processes write meanwhile: the same within 256 MB.
            let filesFree = try #require(samples[#"motcua_filesystem_free_bytes{holding="files"}"#])
            #expect(filesFree > 0 && abs(filesFree - free(on: FileManager.default.temporaryDirectory.path)) < 256 << 20)
            switch engine {
            case .sqlite:
                let size = try FileManager.default.attributesOfItem(atPath: location)[.size] as? NSNumber
                #expect(samples[#"motcua_sqlite_file_bytes{file="database"}"#] == size?.intValue)
                #expect(samples[#"motcua_sqlite_file_bytes{file="write_ahead_log"}"#] != nil)
                let databaseFree = try #require(samples[#"motcua_filesystem_free_bytes{holding="database"}"#])
                #expect(abs(databaseFree - free(on: location)) < 256 << 20)
            case .postgres:
                #expect(database.sqliteFile == nil && !samples.keys.contains { $0.hasPrefix("motcua_sqlite_") }
                        && samples[#"motcua_filesystem_free_bytes{holding="database"}"#] == nil)
            }
        }
    }

    /// MotCua's own samples in `/metrics` (not the request counts, which are Prometheus's), by name and labels.
    private static func samples(_ client: APIClient) async throws -> [String: Int] {
        let response = try await client.send(.get, "/metrics")
        #expect(response.status == .ok)
        var counts: [String: Int] = [:]
        for line in response.text.split(separator: "\n") where line.hasPrefix("motcua_") && !line.hasPrefix("motcua_http_") {
            let parts = line.split(separator: " ")
            counts[String(parts[0])] = Int(parts[1])
        }
        return counts
    }
}
