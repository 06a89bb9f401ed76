import Benchmark
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MotCuaServer
import MotCuaStore
import NIOCore
import SQLKit

/// Một cửa — the cost of the two writes every dossier makes many times: receiving it (POST /api/dossiers) and
/// moving it one step (POST /api/dossiers/{code}/transitions), through the real router (JSON, authentication,
/// rules, one SQLite transaction with synchronous=FULL), next to the floor: one bare durable SQLite commit.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds, scalingFactor: .kilo, maxDuration: .seconds(20), maxIterations: 10)

    Benchmark("Intake: POST /api/dossiers") { benchmark in
        try await OneStopFixture.withRouter { client, token in
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let response = try await client.execute(uri: "/api/dossiers", method: .post, headers: OneStopFixture.headers(token),
                                                        body: OneStopFixture.intakeBody)
                precondition(response.status == .created, String(buffer: response.body))
            }
            benchmark.stopMeasurement()
        }
    }

    Benchmark("Transition: POST /api/dossiers/{code}/transitions (accept)") { benchmark in
        try await OneStopFixture.withRouter { client, token in
            var codes: [String] = []
            for _ in benchmark.scaledIterations {
                let response = try await client.execute(uri: "/api/dossiers", method: .post, headers: OneStopFixture.headers(token),
                                                        body: OneStopFixture.intakeBody)
                codes.append(try OneStopFixture.code(of: response.body))
            }
            let accept = ByteBuffer(string: #"{"action":"tiep-nhan","expectedVersion":1}"#)
            benchmark.startMeasurement()
            for code in codes {
                let response = try await client.execute(uri: "/api/dossiers/\(code)/transitions", method: .post,
                                                        headers: OneStopFixture.headers(token), body: accept)
                precondition(response.status == .ok, String(buffer: response.body))
            }
            benchmark.stopMeasurement()
        }
    }

    registerPageBenchmarks()
    registerJSONBenchmarks()

    Benchmark("Floor: one durable SQLite commit (INSERT)") { benchmark in
        try await OneStopFixture.withDatabase { database in
            try await database.write { try await $0.raw("CREATE TABLE floor (id BIGINT PRIMARY KEY, body TEXT)").run() }
            benchmark.startMeasurement()
            for index in benchmark.scaledIterations {
                try await database.write { db in
                    try await db.raw("INSERT INTO floor (id, body) VALUES (\(bind: index), \(bind: "x"))").run()
                }
            }
            benchmark.stopMeasurement()
        }
    }
}

/// A fresh SQLite database with the demo data, and the router over it.
enum OneStopFixture {
    static let intakeBody = ByteBuffer(string: """
        {"procedureCode":"1.004873","channel":1,"applicant":{"kind":"cong-dan","name":"Nguyễn Văn An",
         "personalId":"001090012345","address":"Số 1 phố Đội Cấn, phường Ba Đình, Hà Nội"},
         "documents":[{"name":"Tờ khai","originals":1,"copies":0}],"request":"Xác nhận tình trạng hôn nhân"}
        """)

    static func headers(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    static func code(of body: ByteBuffer) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        guard let code = object?["code"] as? String else { throw FixtureError(String(buffer: body)) }
        return code
    }

    static func withDatabase(_ body: @Sendable (Database) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-bench-\(UUID().uuidString).sqlite").path
        let database = try await MotCuaApp.prepare(AppConfig(database: path), logger: Logger(label: "bench"))
        do { try await body(database) } catch {
            await database.close()
            throw error
        }
        await database.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func withRouter(_ body: @escaping @Sendable (any TestClientProtocol, String) async throws -> Void) async throws {
        try await withDatabase { database in
            _ = try await DemoAccounts.load(into: database, passwordCost: 4)
            try await CitizenStore(database: database).signIn(
                CitizenStore.Citizen(personalId: "001190012345", fullName: "Nguyễn Thị Mai", birthDate: "1990-05-01"), level: .level2,
                tokenHash: SHA256Hex.of(Data(citizenToken.utf8)), at: Date(), expiresAt: .distantFuture)
            let files = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-bench-tep").path
            let router = try await MotCuaApp.buildRouter(AppConfig(filesDirectory: files), database: database)
            try await Application(router: router).test(.router) { client in
                try await body(client, try await signIn(client, "motcua.badinh"))
            }
        }
    }

    /// The session cookie of a citizen signed in with a level 2 e-ID (opened in the store: the sign-in itself goes
    /// through the identity provider, which these in-process benchmarks do not run).
    static let citizenToken = "bench-citizen-session-0123456789abcdef"

    /// A demo officer's bearer token.
    static func signIn(_ client: any TestClientProtocol, _ username: String) async throws -> String {
        let signIn = try await client.execute(
            uri: "/api/sessions", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(DemoAccounts.password)"}"#))
        let object = try JSONSerialization.jsonObject(with: Data(buffer: signIn.body)) as? [String: Any]
        guard let token = object?["token"] as? String else { throw FixtureError(String(buffer: signIn.body)) }
        return token
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
