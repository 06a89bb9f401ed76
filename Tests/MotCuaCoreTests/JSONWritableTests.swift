import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaCore

/// The dossier writes itself in exactly Foundation's bytes, stored (seconds) and answered (text instants) — checked
/// on a dossier with every field of every part set, so that a field added to a type and forgotten by its writer
/// fails here rather than vanishing from the stored row.
@Suite struct JSONWritableTests {
    static func foundation(dates: JSONEncoder.DateEncodingStrategy) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = dates
        return encoder
    }

    /// Every optional of the dossier and of its parts given a value; two work items, two partners, two arrivals.
    static func everyFieldSet() throws -> Dossier {
        var dossier = try SortedJSONEncoderTests.travelledDossier()
        let at = WorkflowFixture.at("2026-11-25T10:00:00").addingTimeInterval(0.5)
        func item(_ id: Int) -> WorkItem {
            var item = WorkItem(id: id, nodeId: "buoc-\(id)", name: "Bước \"\(id)\"", agencyCode: "000.30.01.H26", unit: "Tư pháp",
                                role: .specialist, isHandOff: id == 2, openedAfter: id - 1, openedAt: at,
                                clock: LegalClock(due: at, pausedAt: at, remainingWorkingSeconds: 3_600 * id))
            item.assignee = "an"
            item.warnAt = at
            item.warnedAt = at
            item.escalatedAt = at
            item.closedAt = at
            item.closedBy = "ld"
            item.decision = "duyet"
            item.result = "Giấy xác nhận số 12/2026"
            return item
        }
        var state = dossier.state
        state.clock = LegalClock(due: at, pausedAt: at, remainingWorkingSeconds: 7_200)
        state.work = ProcessInstance(items: [item(1), item(2)], arrivals: ["gop": ["a", "b"], "cho": []])
        state.endedAt = at
        state.returnedAt = at
        let applicant = Applicant(kind: .business, name: "Công ty TNHH Ánh Dương", personalId: "001090000002", taxCode: "0101234567",
                                  address: "Hà Nội", phone: "0912345678", email: "lienhe@anhduong.vn")
        dossier = Dossier(code: dossier.code, procedureCode: dossier.procedureCode, procedureName: dossier.procedureName,
                          agencyCode: dossier.agencyCode, receivedByAgencyCode: "000.00.01.H26", channel: .postal,
                          applicant: applicant, unitKey: dossier.unitKey, receivedAt: dossier.receivedAt,
                          receivedBy: dossier.receivedBy, documents: dossier.documents + [ReceivedDocument(name: "CCCD", originals: 0, copies: 1)],
                          sets: dossier.sets, request: dossier.request, state: state, process: dossier.process,
                          authority: Authority(competentAgencyCode: "000.00.00.H26", delegationNumber: "12/QĐ-UBND"),
                          trackingSecret: dossier.trackingSecret)
        return dossier
    }

    @Test func theFixtureLeavesNoFieldEmpty() throws {
        #expect(UnsetFields.of(try Self.everyFieldSet()).isEmpty)
        #expect(!UnsetFields.of(try SortedJSONEncoderTests.travelledDossier()).isEmpty, "the check sees a nil")
    }

    @Test func aDossierWithEveryFieldIsWrittenAsFoundationWritesIt() throws {
        for dossier in [try Self.everyFieldSet(), try SortedJSONEncoderTests.travelledDossier()] {
            let stored = try SortedJSONEncoder(dates: .secondsSince1970).bytes(of: dossier)
            #expect(String(decoding: stored, as: UTF8.self)
                == String(decoding: try Self.foundation(dates: .secondsSince1970).encode(dossier), as: UTF8.self))
            let text: @Sendable (Date) -> String = { "t\($0.timeIntervalSince1970)" }
            let answered = try SortedJSONEncoder(dates: .text(text)).bytes(of: dossier)
            let foundation = Self.foundation(dates: .custom { date, encoder in
                var container = encoder.singleValueContainer()
                try container.encode(text(date))
            })
            #expect(String(decoding: answered, as: UTF8.self) == String(decoding: try foundation.encode(dossier), as: UTF8.self))
        }
    }

    @Test func aWritableValueInsideAnEncodableOneIsWrittenByItself() throws {
        struct Page: Encodable { let items: [Dossier]; let total: Int }
        let page = Page(items: [try Self.everyFieldSet()], total: 1)
        #expect(try SortedJSONEncoder(dates: .secondsSince1970).encode(page) == Self.foundation(dates: .secondsSince1970).encode(page))
    }

    @Test func whatIsWrittenReadsBackAsTheSameDossier() throws {
        let dossier = try Self.everyFieldSet()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        #expect(try decoder.decode(Dossier.self, from: SortedJSONEncoder(dates: .secondsSince1970).encode(dossier)) == dossier)
    }
}
