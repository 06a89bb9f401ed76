import Foundation

/// Vắng mặt — an officer's absence (leave, business trip) and the colleague who works on their items meanwhile.
public struct Absence: Hashable, Sendable, Codable {
    public let username: String
    public let startsAt: Date
    public let endsAt: Date
    /// Người xử lý thay.
    public let substitute: String
    public let reason: String

    public init(username: String, startsAt: Date, endsAt: Date, substitute: String, reason: String) {
        self.username = username
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.substitute = substitute
        self.reason = reason
    }

    /// What is wrong with the absence as entered, naming the field; nil when it can be recorded.
    public var problem: FieldProblem? {
        if endsAt <= startsAt { return FieldProblem(field: "endsAt", message: "Thời điểm kết thúc vắng mặt phải sau thời điểm bắt đầu.") }
        if substitute == username { return FieldProblem(field: "substitute", message: "Người xử lý thay phải là cán bộ khác.") }
        if reason.trimmed.isEmpty {
            return FieldProblem(field: "reason", message: "Cần ghi lý do vắng mặt.")
        }
        return nil
    }
}
