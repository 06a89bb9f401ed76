import Foundation
import HTTPTypes
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Bad input gets a 4xx problem naming the field, in Vietnamese, and leaves the database as it was.
@Suite struct BadInputTests {
    /// One bad request and what the API must answer.
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let method: HTTPRequest.Method
        let path: String
        let body: Data?
        let status: HTTPResponse.Status
        let field: String?

        init(_ description: String, _ method: HTTPRequest.Method = .post, _ path: String = "/api/dossiers",
             intake change: [String: Any]? = nil, raw: Data? = nil, _ status: HTTPResponse.Status = .unprocessableContent,
             field: String?) {
            self.description = description
            self.method = method
            self.path = path
            if let change {
                let body = LifecycleJourney.intakeBody.merging(change) { $1 }
                self.body = try? JSONSerialization.data(withJSONObject: body)
            } else {
                self.body = raw
            }
            self.status = status
            self.field = field
        }
    }

    static func applicant(personalId: String) -> [String: Any] {
        ["kind": "cong-dan", "name": "Nguyễn Văn An", "personalId": personalId, "address": "Hà Nội"]
    }

    static let intakeCases: [Case] = [
        Case("personal ID of 11 digits", intake: ["applicant": applicant(personalId: "00109001234")], field: "applicant.personalId"),
        Case("personal ID with letters", intake: ["applicant": applicant(personalId: "00109001234A")], field: "applicant.personalId"),
        Case("impossible century/gender digit", intake: ["applicant": applicant(personalId: "001790012345")], field: "applicant.personalId"),
        Case("birth year in the future", intake: ["applicant": applicant(personalId: "001299012345")], field: "applicant.personalId"),
        Case("unknown procedure", intake: ["procedureCode": "9.999999"], field: "procedureCode"),
        Case("procedure of another agency kind", intake: ["procedureCode": "1.001255"], field: "agencyCode"),
        Case("unknown agency", intake: ["agencyCode": "000.99.99.H26"], field: "agencyCode"),
        Case("malformed agency code", intake: ["agencyCode": "'; DROP TABLE dossiers; --"], field: "agencyCode"),
        Case("unknown unit", intake: ["unitKey": "hien-hanh:999999"], field: "unitKey"),
        Case("unknown channel", intake: ["channel": 9], field: "channel"),
        Case("channel as text", intake: ["channel": "trực tiếp"], field: "channel"),
        Case("no applicant", intake: ["applicant": NSNull()], field: "applicant"),
        Case("zero sets", intake: ["sets": 0], field: "sets"),
        Case("a blank name", intake: ["applicant": ["kind": "cong-dan", "name": " \t", "personalId": "001090012345",
                                                     "address": "Hà Nội"]], field: "applicant.name"),
        Case("no address", intake: ["applicant": ["kind": "cong-dan", "name": "Nguyễn Văn An", "personalId": "001090012345",
                                                  "address": ""]], field: "applicant.address"),
        Case("an address of spaces", intake: ["applicant": ["kind": "doanh-nghiep", "name": "Công ty TNHH An Bình",
                                                            "taxCode": "0101234567", "address": "   "]], field: "applicant.address"),
        Case("a name holding U+0000", intake: ["applicant": ["kind": "cong-dan", "name": "Nguyễn\u{0}Văn An",
                                                               "personalId": "001090012345", "address": "Hà Nội"]],
             field: "applicant.name"),
        Case("not JSON", raw: Data("{\"procedureCode\": ".utf8), .badRequest, field: nil),
        Case("a JSON array", raw: Data("[1,2,3]".utf8), .badRequest, field: nil),
        Case("a 10 MB field", intake: ["request": String(repeating: "a", count: 10 << 20)], .contentTooLarge, field: nil),
    ]

    @Test(arguments: TestEngine.available)
    func badIntakesAreRefusedAndChangeNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let desk = try await client.signIn("motcua.badinh")
            for bad in Self.intakeCases {
                let response = try await client.send(bad.method, bad.path, token: desk, raw: bad.body)
                Self.expectProblem(response, bad)
            }
            #expect(try await Self.count("dossiers", in: database) == 0)
            #expect(try await Self.count("dossier_events", in: database) == 0)
            #expect(try await Self.count("dossier_sequences", in: database) == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func badTransitionsAreRefusedAndChangeNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let desk = try await client.signIn("motcua.badinh")
            let specialist = try await client.signIn("chuyenvien.badinh")
            let otherAgency = try await client.signIn("chuyenvien.stp")
            let code = try #require(try await client.send(.post, "/api/dossiers", token: desk,
                                                          json: LifecycleJourney.intakeBody).json["code"] as? String)
            #expect(try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk,
                                          json: ["action": "tiep-nhan"]).status == .ok)
            let path = "/api/dossiers/\(code)/transitions"
            func json(_ object: [String: Any]) -> Data { try! JSONSerialization.data(withJSONObject: object) }
            let cases: [(Case, String)] = [
                (Case("unknown action", .post, path, raw: json(["action": "bay-di"]), field: "action"), desk),
                (Case("finish before any step", .post, path, raw: json(["action": "hoan-thanh"]), .conflict, field: "action"), desk),
                (Case("accept twice", .post, path, raw: json(["action": "tiep-nhan"]), .conflict, field: "action"), desk),
                (Case("supplement without a reason", .post, path, raw: json(["action": "yeu-cau-bo-sung", "reason": "   "]), field: "reason"), desk),
                (Case("extension without a date", .post, path, raw: json(["action": "gia-han", "reason": "Cần xác minh"]), field: "newDueAt"), specialist),
                (Case("extension to 30 February", .post, path, raw: json(["action": "gia-han", "reason": "Cần xác minh",
                                                                   "newDueAt": "2026-02-30T10:00:00+07:00"]), field: "newDueAt"), specialist),
                (Case("extension to an earlier date", .post, path, raw: json(["action": "gia-han", "reason": "Cần xác minh",
                                                                       "newDueAt": "2026-03-03T10:00:00+07:00"]), field: "newDueAt"), specialist),
                (Case("stop by a specialist", .post, path, raw: json(["action": "dung-xu-ly", "reason": "x"]), .forbidden, field: "action"), specialist),
                (Case("a reason holding U+0000", .post, path, raw: json(["action": "yeu-cau-bo-sung", "reason": "thiếu\u{0}giấy tờ"]),
                      field: "reason"), desk),
                (Case("a reason of 5000 characters", .post, path, raw: json(["action": "yeu-cau-bo-sung",
                                                                      "reason": String(repeating: "x", count: 5000)]), field: "reason"), desk),
                (Case("another agency's dossier", .post, path, raw: json(["action": "yeu-cau-bo-sung", "reason": "x"]), .notFound, field: nil), otherAgency),
                (Case("no such dossier", .post, "/api/dossiers/000.30.01.H26-260302-9999/transitions", raw: json(["action": "tiep-nhan"]),
                      .notFound, field: nil), desk),
            ]
            for (bad, token) in cases {
                Self.expectProblem(try await client.send(bad.method, bad.path, token: token, raw: bad.body), bad)
            }
            let unauthenticated = try await client.send(.post, path, raw: json(["action": "hoan-thanh"]))
            #expect(unauthenticated.status == .unauthorized)
            #expect(try await Self.count("dossier_events", in: database) == 2, "intake and acceptance only")
            let dossier = try await client.send(.get, "/api/dossiers/\(code)", token: desk)
            #expect(dossier.json["version"] as? Int == 2)
            #expect(try await client.send(.get, "/api/dossiers/\(code)", token: otherAgency).status == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func badQueriesNameTheParameter(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let desk = try await client.signIn("motcua.badinh")
            let cases = [
                Case("year outside 1901–2099", .get, "/api/calendar/holidays?year=1800", field: "year"),
                Case("year as text", .get, "/api/calendar/holidays?year=hai-nghin", field: "year"),
                Case("a day that does not exist", .get, "/api/calendar/due?from=2026-02-30T10:00:00%2B07:00&workingDays=3", field: "from"),
                Case("both days and hours", .get, "/api/calendar/due?from=2026-03-02T10:00:00%2B07:00&workingDays=3&workingHours=2",
                     field: "workingDays"),
                Case("negative limit", .get, "/api/procedures?limit=-1", field: "limit"),
                Case("status 11", .get, "/api/dossiers?status=11", field: "status"),
                Case("a search holding U+0000", .get, "/api/procedures?q=h%E1%BB%99%00t%E1%BB%8Bch&limit=5", field: "q"),
                Case("unknown unit", .get, "/api/units/hien-hanh:0", .notFound, field: nil),
                Case("unknown procedure", .get, "/api/procedures/..%2F..%2Fetc", .notFound, field: nil),
            ]
            for bad in cases { Self.expectProblem(try await client.send(bad.method, bad.path, token: desk, raw: nil), bad) }
            let wrongPassword = try await client.send(.post, "/api/sessions", json: ["username": "motcua.badinh", "password": "sai"])
            #expect(wrongPassword.status == .unauthorized)
            #expect(wrongPassword.json["field"] as? String == "password")
        }
    }

    static func expectProblem(_ response: APIResponse, _ bad: Case) {
        #expect(response.status == bad.status, "\(bad): \(response.status) \(response.text.prefix(300))")
        #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(bad)")
        #expect(response.json["field"] as? String == bad.field, "\(bad): \(response.text.prefix(300))")
        let message = response.json["detail"] as? String ?? ""
        #expect(!message.isEmpty && message.unicodeScalars.contains { $0.value > 127 }, "\(bad): a Vietnamese message")
    }

    static func count(_ table: String, in database: Database) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }
}
