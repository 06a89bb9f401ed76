import Foundation
import MotCuaTestSupport
import Testing

/// Forms 01–07 read from the dossier and its events after the journey at fixed times.
@Suite struct FormsAPITests {
    @Test(arguments: TestEngine.available)
    func theFormsOfAJourney(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T08:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let outcome = try await LifecycleJourney(client: client) { clock.set(local: LifecycleAPITests.times[$0]!) }.run()
            let desk = try await client.signIn("motcua.badinh")
            func form(_ number: String) async throws -> APIResponse {
                try await client.send(.get, "/api/dossiers/\(outcome.code)/forms/\(number)", token: desk)
            }

            let receipt = try await form("01").json
            #expect(receipt["statutoryTime"] as? String == "3 ngày làm việc")
            #expect(receipt["returnAt"] as? String == "2026-03-05T09:00:00+07:00", "the appointment written at intake")
            #expect(receipt["registerLine"] as? Int == 1)
            #expect(receipt["receivingOfficer"] as? String == "Nguyễn Thị Một Cửa (UBND phường Ba Đình)")
            let lines = receipt["documents"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["number"] as? Int } == [1])

            let supplement = try await form("02").json
            #expect(supplement["reason"] as? String == "Thiếu giấy tờ tùy thân bản chính")
            #expect(supplement["issuedAt"] as? String == "2026-03-03T10:00:00+07:00")
            #expect(supplement["issuedBy"] as? String == "Trần Văn Chuyên (UBND phường Ba Đình)")
            let apology = try await form("04").json
            #expect(apology["previousReturnAt"] as? String == "2026-03-06T12:00:00+07:00")
            #expect(apology["newReturnAt"] as? String == "2026-03-13T16:30:00+07:00")
            #expect(try await form("03").status == .notFound, "the dossier was not refused")
            #expect(try await form("05").status == .notFound, "nor stopped")
            #expect(try await form("08").status == .notFound)

            let slip = try await form("06").json
            let rows = slip["handOffs"] as? [[String: Any]] ?? []
            #expect(rows.map { $0["toUnit"] as? String } == [
                "Công chức Tư pháp – Hộ tịch", "Lãnh đạo", "Bộ phận một cửa", rows.first?["fromUnit"] as? String, "Tổ chức, cá nhân",
            ])
            #expect(rows.map { $0["at"] as? String } == [
                "2026-03-02T10:00:00+07:00", "2026-03-06T09:00:00+07:00", "2026-03-06T10:00:00+07:00",
                "2026-03-06T10:30:00+07:00", "2026-03-09T08:30:00+07:00",
            ])
            // The specialist's 2 working days (from Mon 10:00) pause with the dossier: 1 day was left at the request
            // (Tue 10:00) and is laid again from the supplement (Wed 14:00 → Thu 14:00). Handing on on Fri is late
            // for the step, though the apology kept the dossier itself on time.
            #expect(rows.map { $0["due"] as? String } == [
                nil, "2026-03-05T14:00:00+07:00", "2026-03-06T11:00:00+07:00", "2026-03-06T11:00:00+07:00", nil,
            ])
            #expect(rows.map { $0["timeliness"] as? String } == [nil, "qua-han", "dung-han", "dung-han", "truoc-han"])
            #expect((rows[1]["note"] as? String)?.contains("Thiếu giấy tờ tùy thân bản chính") == true)

            let register = try await client.send(.get, "/api/agencies/000.30.01.H26/register?from=2026-03-01&to=2026-03-31", token: desk).json
            let entries = (register["register"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["dossierCode"] as? String } == [outcome.code])
            #expect(entries.first?["line"] as? Int == 1)
            #expect(entries.first?["timeliness"] as? String == "truoc-han")
            let otherAgency = try await client.send(.get, "/api/agencies/000.00.14.H26/register?from=2026-03-01&to=2026-03-31", token: desk)
            #expect(otherAgency.status == .forbidden)
            let acrossYears = try await client.send(.get, "/api/agencies/000.30.01.H26/register?from=2025-12-01&to=2026-01-31", token: desk)
            #expect(acrossYears.status == .unprocessableContent)
            #expect(acrossYears.json["field"] as? String == "to")
        }
    }
}
