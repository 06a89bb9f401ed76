import Foundation

/// Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the receipt and appointment slip a desk hands the applicant
/// (two copies), listing what was received and when the result will be returned.
public struct ReceiptSlip: Hashable, Sendable, Codable {
    /// One numbered line of the list of documents received.
    public struct Line: Hashable, Sendable, Codable {
        public let number: Int
        public let name: String
        public let originals: Int
        public let copies: Int
    }

    public let header: FormHeader
    public let request: String
    public let documents: [Line]
    public let sets: Int
    /// Thời gian giải quyết theo quy định, e.g. "3 ngày làm việc".
    public let statutoryTime: String
    public let receivedAt: Date
    /// Ngày hẹn trả kết quả — the appointment given at intake.
    public let returnAt: Date?
    /// Nơi trả kết quả — the desk that received the dossier.
    public let collectAt: String
    /// Sổ theo dõi hồ sơ: the register (agency and year) and the dossier's line in it — its rank among the
    /// agency's dossiers received that year.
    public let registerBook: String
    public let registerLine: Int
    public let receivingOfficer: String
    public let channel: Channel
    /// Mã tra cứu, as printed (`K7PX-3M9Q`): with the code, it lets the applicant follow the dossier online.
    public let trackingSecret: String?

    public init(_ record: DossierRecord, registerLine: Int) {
        let dossier = record.dossier
        header = FormHeader(record)
        request = dossier.request
        documents = dossier.documents.enumerated().map {
            Line(number: $0.offset + 1, name: $0.element.name, originals: $0.element.originals, copies: $0.element.copies)
        }
        sets = dossier.sets
        statutoryTime = record.procedure.deadline.description
        receivedAt = dossier.receivedAt
        returnAt = record.events.first?.dueAfter ?? dossier.state.clock.due
        collectAt = record.receivingAgencyName
        registerBook = DossierRegister.bookName(agencyName: record.agencyName, year: WorkingCalendar.local(dossier.receivedAt).date.year)
        self.registerLine = registerLine
        receivingOfficer = record.officerName(dossier.receivedBy)
        channel = dossier.channel
        trackingSecret = dossier.trackingSecret.map(TrackingSecret.display)
    }
}
