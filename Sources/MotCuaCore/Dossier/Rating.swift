import Foundation

/// Đánh giá của người dân — how satisfied the applicant was with the handling of their dossier, given once after
/// the result was returned; "not satisfied" counts against the agency in the national index (Decision 766:
/// satisfaction = 100% − overdue rate − rate of complaints or dislikes).
public struct Rating: Hashable, Sendable, Codable {
    /// Mức độ hài lòng.
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case verySatisfied = "rat-hai-long"
        case satisfied = "hai-long"
        case dissatisfied = "khong-hai-long"

        public var vietnameseName: String {
            switch self {
            case .verySatisfied: "Rất hài lòng"
            case .satisfied: "Hài lòng"
            case .dissatisfied: "Không hài lòng"
            }
        }
    }

    public let level: Level
    public let comment: String?
    public let ratedAt: Date

    public static let maxCommentLength = 1000
    public static let alreadyRatedProblem = FieldProblem(field: "level", message: "Hồ sơ này đã được đánh giá.")

    /// "Hài lòng: “Cán bộ hướng dẫn tận tình.”".
    public var summary: String { level.vietnameseName + (comment.map { ": “\($0)”" } ?? "") }

    public init(level: Level, comment: String?, ratedAt: Date) {
        self.level = level
        self.comment = comment
        self.ratedAt = ratedAt
    }

    /// Why this dossier cannot be rated now with this level, or nil: only once its result has been returned, only
    /// once, with a level chosen.
    public static func problem(status: DossierStatus, alreadyRated: Bool, level: Level?, comment: String) -> FieldProblem? {
        if status != .returned {
            return FieldProblem(field: "level", message: "Hồ sơ được đánh giá sau khi đã trả kết quả.")
        }
        if alreadyRated { return alreadyRatedProblem }
        if level == nil { return FieldProblem(field: "level", message: "Chọn mức độ hài lòng.") }
        if comment.hasMoreCharacters(than: maxCommentLength) {
            return FieldProblem(field: "comment", message: "Ý kiến dài quá \(maxCommentLength) ký tự.")
        }
        return nil
    }
}
