import Foundation
import MotCuaCore
import MotCuaTestSupport
import Testing
@testable import MotCuaServer

/// The API's dossier answer writes itself in exactly the bytes Foundation's encoder gives with the API's options,
/// for a dossier whose answer has every field set — a field added to the answer and forgotten by its writer fails.
@Suite struct DossierBodyJSONTests {
    static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(APICoding.format(date))
        }
        return encoder
    }()

    /// A dossier paused once, under a delegation, with an end recorded, and work items closed and open.
    static func answerWithEveryField() -> DossierBody {
        let at = Date(timeIntervalSince1970: 1_795_395_600)
        func item(_ id: Int) -> WorkItem {
            var item = WorkItem(id: id, nodeId: "buoc-\(id)", name: "Bước \(id)", agencyCode: "000.30.01.H26", unit: "Tư pháp",
                                role: .specialist, isHandOff: id == 2, openedAfter: nil, openedAt: at,
                                clock: LegalClock(due: at.addingTimeInterval(86_400), pausedAt: at, remainingWorkingSeconds: 600))
            (item.assignee, item.warnAt, item.warnedAt, item.escalatedAt) = ("an", at, at, at)
            (item.closedAt, item.closedBy, item.decision, item.result) = (at.addingTimeInterval(172_800), "ld", "duyet", "Giấy số 12")
            return item
        }
        var state = DossierState(status: .processing, clock: LegalClock(due: at.addingTimeInterval(86_400), pausedAt: at,
                                                                   remainingWorkingSeconds: 7_200), version: 7)
        var open = item(3)
        open.closedAt = nil
        state.work = ProcessInstance(items: [item(1), item(2), open])
        (state.endedAt, state.returnedAt, state.supplementRequests, state.extensions) = (at.addingTimeInterval(172_800), at, 1, 1)
        return DossierBody(Dossier(
            code: "000.30.01.H26-261123-0001", procedureCode: "1.004873", procedureName: "Xác nhận \"tình trạng\" hôn nhân",
            agencyCode: "000.30.01.H26", receivedByAgencyCode: "000.00.01.H26", channel: .online,
            applicant: Applicant(kind: .business, name: "Công ty Ánh Dương", personalId: "001090000002", taxCode: "0101234567",
                                 address: "Hà Nội", phone: "0912345678", email: "lienhe@anhduong.vn"),
            unitKey: "01-001-00001", receivedAt: at, receivedBy: "cong-dich-vu-cong",
            documents: [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0)], sets: 1, request: "Xác nhận/cấp lại",
            state: state, process: ProcessBinding(key: "hon-nhan", version: 2, partners: ["cong-an": .init(agencyCode: "G01", name: "CA")]),
            authority: Authority(competentAgencyCode: "000.00.00.H26", delegationNumber: "12/QĐ-UBND"), trackingSecret: "K7PX3M9Q"))
    }

    @Test func theAnswerHasEveryFieldSet() {
        #expect(UnsetFields.of(Self.answerWithEveryField()).isEmpty)
    }

    @Test func theAnswerIsWrittenAsFoundationWritesIt() throws {
        let body = Self.answerWithEveryField()
        #expect(String(decoding: try APICoding.encoder.encode(body), as: UTF8.self)
            == String(decoding: try Self.foundation.encode(body), as: UTF8.self))
        let page = PageBody(items: [body, body], total: 2, limit: 20, offset: 0)
        #expect(try APICoding.encoder.encode(page) == Self.foundation.encode(page))
    }
}
