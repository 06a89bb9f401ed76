import Foundation
import Hummingbird
import MotCuaCore

/// Lỗi trả về (RFC 9457 problem+json) — every error the API gives: an HTTP status, a stable machine code, the
/// offending field where there is one, and a message in Vietnamese. Thrown anywhere in a handler.
public struct Problem: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let field: String?
    /// Extra members (for a 409, the dossier's current state).
    public let extra: [String: JSONValue]
    /// When to try again, in seconds (`Retry-After`), for a problem that passes by itself.
    public let retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil,
                extra: [String: JSONValue] = [:], retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.extra = extra
        self.retryAfterSeconds = retryAfterSeconds
    }

    public static func invalid(_ problem: FieldProblem) -> Problem {
        Problem(.unprocessableContent, code: "invalid-field", message: problem.message, field: problem.field)
    }

    public static func invalid(field: String, _ message: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid-field", message: message, field: field)
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(.notFound, code: "not-found", message: "Không tìm thấy \(what).")
    }

    /// The database cannot be reached just now (`DatabaseOutage`). Whether the request was applied is not known;
    /// sent again with its Idempotency-Key it is applied once.
    public static let databaseUnavailable = Problem(
        .serviceUnavailable, code: "database-unavailable",
        message: "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.", retryAfterSeconds: 5)

    /// 422 for a field, a parameter or a form's field whose text holds U+0000: nothing a person types, and a
    /// character PostgreSQL's text columns cannot hold.
    public static func holdingNUL(field: String) -> Problem {
        invalid(field: field, "Trường \"\(field)\" chứa ký tự NUL (U+0000), không phải văn bản hợp lệ.")
    }

    /// Refuses named values (a form's fields, a query's parameters) if a name or a value holds U+0000: `holdingNUL`,
    /// naming the first.
    static func refuseNUL<Name: StringProtocol, Value: StringProtocol>(in fields: some Sequence<(key: Name, value: Value)>) throws {
        if let held = fields.first(where: { $0.key.holdsNUL || $0.value.holdsNUL }) { throw holdingNUL(field: String(held.key)) }
    }

    public static let unstorableText = Problem(.badRequest, code: "invalid-text",
                                               message: "Nội dung gửi lên chứa ký tự NUL (U+0000), không phải văn bản hợp lệ.")

    public static let unauthenticated = Problem(.unauthorized, code: "unauthenticated",
                                                message: "Cần đăng nhập để thực hiện thao tác này.")

    public static func forbidden(_ message: String = "Tài khoản không có quyền thực hiện thao tác này.") -> Problem {
        Problem(.forbidden, code: "forbidden", message: message)
    }

    public var body: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("urn:motcua:problem:\(code)"),
            "title": .string(title),
            "detail": .string(message),
            "status": .int(Int(status.code)),
            "code": .string(code),
        ]
        if let field { members["field"] = .string(field) }
        members.merge(extra) { current, _ in current }
        return .object(members)
    }

    /// A short summary that is the same for every problem of a status (RFC 9457 `title`); `detail` says what
    /// exactly is wrong this time.
    var title: String {
        switch status.code {
        case 400: "Yêu cầu không hợp lệ"
        case 401: "Chưa đăng nhập"
        case 403: "Không có quyền"
        case 404: "Không tìm thấy"
        case 409: "Xung đột trạng thái"
        case 413: "Nội dung quá lớn"
        case 422: "Dữ liệu không hợp lệ"
        case 503: "Dịch vụ tạm thời gián đoạn"
        default: "Lỗi máy chủ"
        }
    }

    /// Tells the client when to try again, for a problem that passes by itself.
    func addRetryAfter(to headers: inout HTTPFields) {
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        addRetryAfter(to: &headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body.encoded())))
    }
}
