/// Lỗi dữ liệu nhập — one thing wrong with what a user sent: the field (as a JSON path such as
/// `applicant.personalId`) and what is wrong with it, in Vietnamese.
public struct FieldProblem: Error, Hashable, Sendable, Codable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
