import Foundation
import MotCuaCore
import MotCuaServer
import MotCuaStore
import Testing

/// Hành trình một hồ sơ — the one-stop journey the law describes, through the API: a desk receives a
/// marital-status confirmation (3 working days) at UBND phường Ba Đình and accepts it; a specialist asks for a
/// supplement; the citizen supplies it; the specialist apologises and extends; the leader signs; the desk finishes
/// and returns the result. Every appointment the server reports is checked against Core's calendar, from the
/// times recorded in the events, so the same journey checks an in-process router and a real server process.
public struct LifecycleJourney: Sendable {
    public static let procedureCode = "1.004873"
    let client: APIClient
    /// Called before each step with its name, so a test clock can be moved there.
    let beforeStep: @Sendable (Step) -> Void

    /// The journey's steps, in order.
    public enum Step: String, Sendable, CaseIterable {
        case intake, accept, forwardToSpecialist, requestSupplement, supplied, extend, forwardToLeader, forwardToDesk,
             finish, returnResult
    }

    public init(client: APIClient, beforeStep: @escaping @Sendable (Step) -> Void = { _ in }) {
        self.client = client
        self.beforeStep = beforeStep
    }

    /// What the journey ends with: the dossier and its events as the API returned them.
    public struct Outcome: @unchecked Sendable {
        public let code: String
        public let dossier: [String: Any]
        public let events: [[String: Any]]
    }

    public func run() async throws -> Outcome {
        // Officers sign in on the day they act, as they do at work (a session lasts a week).
        let desk = "motcua.badinh", specialist = "chuyenvien.badinh", leader = "lanhdao.badinh"

        beforeStep(.intake)
        let intake = try await client.send(.post, "/api/dossiers", token: try await client.signIn(desk), json: Self.intakeBody)
        try #require(intake.status == .created, "\(intake.text)")
        let code = try #require(intake.json["code"] as? String)
        #expect(intake.json["status"] as? Int == DossierStatus.registered.rawValue)
        #expect(code.hasPrefix(DemoAccounts.wardCommittee + "-"))

        var version = 1
        func move(_ step: Step, _ officer: String, _ action: DossierAction, reason: String? = nil,
                  newDueAt: String? = nil, expect status: DossierStatus) async throws -> [String: Any] {
            beforeStep(step)
            var body: [String: Any] = ["action": action.rawValue, "expectedVersion": version]
            if let reason { body["reason"] = reason }
            if let newDueAt { body["newDueAt"] = newDueAt }
            let token = try await client.signIn(officer)
            let response = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: token, json: body)
            try #require(response.status == .ok, "\(step): \(response.text)")
            #expect(response.json["status"] as? Int == status.rawValue, "\(step)")
            version += 1
            #expect(response.json["version"] as? Int == version, "\(step)")
            return response.json
        }

        _ = try await move(.accept, desk, .accept, expect: .accepted)
        let atFirstStep = try await move(.forwardToSpecialist, desk, .forward, expect: .processing)
        let openItems = (atFirstStep["workItems"] as? [[String: Any]] ?? []).filter { $0["open"] as? Bool == true }
        #expect(openItems.map { $0["role"] as? String } == [OfficerRole.specialist.rawValue])
        let paused = try await move(.requestSupplement, specialist, .requestSupplement,
                                    reason: "Thiếu giấy tờ tùy thân bản chính", expect: .supplementRequested)
        #expect(paused["dueAt"] == nil || paused["dueAt"] is NSNull, "the clock is stopped while waiting")
        let resumed = try await move(.supplied, desk, .supplied, expect: .processing)
        let resumedDue = try #require((resumed["dueAt"] as? String).flatMap(Self.instant))
        let newDue = WorkingCalendar.local(resumedDue.addingTimeInterval(7 * 86_400))
        let newDueText = String(format: "%@T16:30:00+07:00", newDue.date.description)
        let extended = try await move(.extend, specialist, .extend, reason: "Cần xác minh thêm tại nơi cư trú trước đây",
                                      newDueAt: newDueText, expect: .processing)
        #expect(extended["extensions"] as? Int == 1)
        #expect((extended["dueAt"] as? String).flatMap(Self.instant) == Self.instant(newDueText))
        _ = try await move(.forwardToLeader, specialist, .forward, expect: .processing)
        _ = try await move(.forwardToDesk, leader, .forward, expect: .processing)
        _ = try await move(.finish, desk, .finish, expect: .done)
        let returned = try await move(.returnResult, desk, .returnResult, expect: .returned)
        #expect(returned["timeliness"] as? String == Timeliness.early.rawValue)

        let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: try await client.signIn(desk)).jsonArray
        try checkEvents(events)
        return Outcome(code: code, dossier: returned, events: events)
    }

    /// The events name every action in order, and each appointment is what Core computes from the event times.
    func checkEvents(_ events: [[String: Any]]) throws {
        #expect(events.map { $0["action"] as? String } == [
            DossierEvent.intake, "tiep-nhan", "chuyen-buoc", "yeu-cau-bo-sung", "da-bo-sung", "gia-han",
            "chuyen-buoc", "chuyen-buoc", "hoan-thanh", "tra-ket-qua",
        ])
        #expect(events.map { $0["toStatus"] as? Int } == [1, 2, 4, 5, 4, 4, 4, 4, 9, 10])
        #expect(events.map { $0["actor"] as? String } == [
            "motcua.badinh", "motcua.badinh", "motcua.badinh", "chuyenvien.badinh", "motcua.badinh",
            "chuyenvien.badinh", "chuyenvien.badinh", "lanhdao.badinh", "motcua.badinh", "motcua.badinh",
        ])
        let at = try events.map { try #require(($0["at"] as? String).flatMap(Self.instant)) }
        let due = events.map { ($0["dueAfter"] as? String).flatMap(Self.instant) }
        let calendar = try Self.hanoiCalendar()
        let budget = TimeBudget.workingDays(3)
        #expect(due[0] == calendar.due(from: at[0], budget: budget), "appointment at intake")
        #expect(due[1] == calendar.due(from: at[1], budget: budget), "acceptance starts the legal time")
        #expect(due[2] == due[1])
        #expect(due[3] == nil, "paused")
        let left = calendar.workingSeconds(from: at[3], to: try #require(due[2]))
        #expect(due[4] == calendar.adding(workingSeconds: left, to: at[4]), "the paused time does not count")
        #expect(due[6...].allSatisfy { $0 == due[5] }, "the extension holds to the end")
        #expect(events[3]["reason"] as? String == "Thiếu giấy tờ tùy thân bản chính")
    }

    public static var intakeBody: [String: Any] { [
        "procedureCode": procedureCode,
        "channel": 1,
        "applicant": ["kind": "cong-dan", "name": "Nguyễn Văn An", "personalId": "001090012345",
                      "address": "Số 1 phố Đội Cấn, phường Ba Đình, Hà Nội", "phone": "0912345678"],
        "unitKey": "hien-hanh:4",
        "documents": [["name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "originals": 1, "copies": 0]],
        "request": "Xác nhận tình trạng hôn nhân để đăng ký kết hôn",
    ] }

    static func hanoiCalendar() throws -> WorkingCalendar {
        WorkingCalendar(holidays: HolidayCalendar(announcements: try ReferenceData.announcedDays().days))
    }

    public static func instant(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}
